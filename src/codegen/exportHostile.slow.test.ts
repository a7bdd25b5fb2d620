// The worst-case board of hostile names exports as a project that installs, type-checks
// strictly and passes its generated tests, under all three topic strategies.
import { it } from 'vitest';
import { hostileBoard } from '../topology/testing/hostileBoard';
import { verifyExportedBoard } from './testing/verifyExportedBoard';

it('exports the hostile-names board (topic per aggregate type)', async () => {
  await verifyExportedBoard(hostileBoard(3, 'perAggregateType'));
});

it('exports the hostile-names board (one shared topic)', async () => {
  await verifyExportedBoard(hostileBoard(1, 'sharedTopic'));
});

it('exports the hostile-names board (topic per aggregate instance)', async () => {
  await verifyExportedBoard(hostileBoard(2, 'perAggregateInstance'));
});
