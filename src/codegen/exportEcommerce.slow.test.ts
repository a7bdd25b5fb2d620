// The E-commerce example's export installs, type-checks strictly and passes its generated tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { parseBoard } from '../model';
import { verifyExportedBoard } from './testing/verifyExportedBoard';

it('exports the E-commerce example as a working project', async () => {
  await verifyExportedBoard(parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/ecommerce.json'), 'utf8'))));
});
