// Two tabs of one browser on one board: BroadcastChannel carries their updates both ways,
// a tab that joins late catches up, and a tab that left hears nothing more.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTabSync, type TabSync } from './tabSync';

const syncs: TabSync[] = [];
afterEach(() => {
  for (const s of syncs.splice(0)) s.stop();
});

function tab(channel: string, ydoc = new Y.Doc()): Y.Doc {
  syncs.push(startTabSync(ydoc, channel));
  return ydoc;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('tab sync', () => {
  it('carries edits both ways between tabs on the same board', async () => {
    const name = `test:${Math.random()}`;
    const a = tab(name);
    const b = tab(name);
    a.getMap('m').set('x', 1);
    await until(() => b.getMap('m').get('x') === 1);
    b.getMap('m').set('y', 2);
    await until(() => a.getMap('m').get('y') === 2);
  });

  it('a tab opened later gets what it lacks and gives what the others lack', async () => {
    const name = `test:${Math.random()}`;
    const a = tab(name);
    a.getMap('m').set('early', 'a');
    const late = new Y.Doc();
    late.getMap('m').set('offline', 'b');
    tab(name, late);
    await until(() => late.getMap('m').get('early') === 'a');
    await until(() => a.getMap('m').get('offline') === 'b');
  });

  it('keeps boards apart and stops when asked', async () => {
    const a = tab(`test:${Math.random()}`);
    const other = tab(`test:${Math.random()}`);
    a.getMap('m').set('x', 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(other.getMap('m').has('x')).toBe(false);
    const name = `test:${Math.random()}`;
    const c = tab(name);
    const d = tab(name);
    syncs.at(-1)!.stop();
    c.getMap('m').set('after', true);
    await new Promise((r) => setTimeout(r, 50));
    expect(d.getMap('m').has('after')).toBe(false);
  });
});
