import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import { derivedOf, readConsumed, type ConsumedRecord } from './records';
import { send } from './testing';

describe('what readers derive from a consumed record', () => {
  it('is made once per record and maker, however many fetches return the record', async () => {
    const cluster = await createCluster({ brokers: 3, seed: 1, clock: 'virtual', cleanerIntervalMs: 0, replication: { autoLeaderRebalance: false } });
    await cluster.engine.createTopic('t', 1, [], 3);
    const sim = cluster.replication;
    send(sim, 't', 0, -1, 3);
    sim.advance(500);
    const fetch = () => readConsumed(sim.fetchLog('t', 0, 0), 0, 10) as readonly ConsumedRecord[];
    let made = 0;
    const offsetText = (r: ConsumedRecord) => ({ text: `#${r.offset}`, n: ++made });
    const first = fetch().map((r) => derivedOf(r, offsetText));
    const again = fetch().map((r) => derivedOf(r, offsetText));
    expect(first.map((d) => d.text)).toEqual(['#0', '#1', '#2']);
    expect(again).toEqual(first);
    for (let i = 0; i < 3; i++) expect(again[i]).toBe(first[i]);
    expect(made).toBe(3);
    // Another maker makes its own.
    const other = fetch().map((r) => derivedOf(r, (x) => x.offset * 10));
    expect(other).toEqual([0, 10, 20]);
  });
});
