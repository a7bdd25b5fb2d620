// The exported read model's table view (src/platform/tableView.ts of an export): a row folded
// from an event is kept only once it is published. A projector whose send to the table topic
// failed gets the event again (at least once); had the view kept the row, the event would be
// taken as folded already and the row never published: one version behind on the topic, and
// in every other instance, for good (a failover run on real Kafka ended that way). The view's
// source is the template exported verbatim, with the runtime files it imports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_SOURCES, RUNTIME_SOURCES } from './sources';

interface Row {
  id: string;
  version: number;
}
interface Folded {
  row: Row;
  headers: Record<string, string>;
  published(): void;
}
interface TableViewModule {
  TableView: new (transport: unknown, definition: { name: string; events: string[] }, topic: string) => {
    fold(event: unknown, source?: { topic: string; partition: number; offset: string }): Folded | undefined;
    get(id: string): Row | undefined;
  };
}

let dir: string;
let viewModule: TableViewModule;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stormbench-table-view-'));
  mkdirSync(join(dir, 'platform'));
  mkdirSync(join(dir, 'runtime'));
  writeFileSync(join(dir, 'platform', 'tableView.ts'), PLATFORM_SOURCES['tableView.ts']!);
  for (const [name, text] of Object.entries(RUNTIME_SOURCES)) writeFileSync(join(dir, 'runtime', name), text);
  viewModule = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'platform', 'tableView.ts')).href)) as TableViewModule;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (version: number) => ({ type: 'MoneyDeposited', aggregateType: 'Account', aggregateId: 'a-1', version, schemaVersion: 1, timestamp: 1_700_000_000_000 + version, payload: {} });
const at = (offset: number) => ({ topic: 'account.events', partition: 0, offset: String(offset) });

describe("the export's table view folds an event", () => {
  const view = () => new viewModule.TableView(null, { name: 'Balance', events: ['MoneyDeposited'] }, 'balance.table');

  it('again when it is delivered again after its row was not published', () => {
    const table = view();
    const first = table.fold(event(1), at(10));
    expect(first?.row.version).toBe(1);
    // The send failed: nothing published, the row not kept.
    expect(table.get('a-1')).toBeUndefined();
    const again = table.fold(event(1), at(10));
    expect(again?.row.version).toBe(1);
    again!.published();
    expect(table.get('a-1')?.version).toBe(1);
  });

  it('not twice once its row was published', () => {
    const table = view();
    table.fold(event(1), at(10))!.published();
    expect(table.fold(event(1), at(10))).toBeUndefined();
    const next = table.fold(event(2), at(11));
    expect(next?.row.version).toBe(2);
    expect(JSON.parse(next!.headers['folded-up-to']!)).toEqual({ 'account.events:0': '12' });
  });
});
