// The log changes memory at one instant and storage follows in group commits (Kafka's page
// cache and log flush): what flushedOffset promises, and what a power loss keeps.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { encodeBatches } from '../codec/recordBatch';
import type { LogWrite, PartitionStore } from './logStore';
import { PartitionLog } from './partitionLog';

/** A store whose writes complete only when the test says so. */
function slowStore() {
  const writes: { w: LogWrite; done: () => void; fail: (e: unknown) => void }[] = [];
  const mode = { auto: false };
  const store: PartitionStore = {
    pageable: false,
    write: (w) => (mode.auto ? Promise.resolve() : new Promise<void>((done, fail) => writes.push({ w, done, fail }))),
    load: () => Promise.reject(new Error('resident')),
    destroy() {},
  };
  return { store, writes, mode };
}

function makeLog(store: PartitionStore) {
  return new PartitionLog({ topic: 't', partition: 0, clock: createVirtualClock(), settings: () => ({ segmentBytes: 1 << 20, segmentMs: 1e12 }), store });
}

const batch = (...values: string[]) => encodeBatches(values.map((v) => ({ key: 'k', value: v, timestamp: 1 })));
const puts = (w: LogWrite) => (w.put ?? []).map((r) => `${r.chunk.baseOffset}-${r.chunk.lastOffset}`);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PartitionLog flushing', () => {
  it('makes an append visible at once and durable at the flush; appends during a write go in the next one (group commit)', async () => {
    const { store, writes } = slowStore();
    const log = makeLog(store);
    log.autoHighWatermark = false;
    expect(log.append(batch('a', 'b')).baseOffset).toBe(0);
    expect(log.logEndOffset).toBe(2);
    expect((await log.read(0, { isolation: 'logEnd' })).map((r) => r.value?.toString())).toEqual(['a', 'b']);
    expect(log.flushedOffset).toBe(0);
    const first = log.flush();
    log.append(batch('c'));
    log.append(batch('d'));
    const second = log.flush();
    expect(writes.length).toBe(1);
    expect(puts(writes[0]!.w)).toEqual(['0-1']);
    writes[0]!.done();
    await first;
    expect(log.flushedOffset).toBe(2);
    await tick();
    expect(writes.length).toBe(2);
    expect(puts(writes[1]!.w)).toEqual(['2-2', '3-3']);
    writes[1]!.done();
    await second;
    expect(log.flushedOffset).toBe(4);
  });

  it('a power loss (truncate to the flushed offset) drops exactly what was not flushed, and storage never gets it', async () => {
    const { store, writes } = slowStore();
    const log = makeLog(store);
    log.autoHighWatermark = false;
    log.append(batch('a'));
    const f = log.flush();
    writes[0]!.done();
    await f;
    log.append(batch('b', 'c'));
    expect(log.truncate(log.flushedOffset)).toBe(1);
    expect(log.logEndOffset).toBe(1);
    void log.flush();
    // The cancelled append is never written; only the new metadata is.
    expect(writes.length).toBe(2);
    expect(puts(writes[1]!.w)).toEqual([]);
    expect((await log.read(0, { isolation: 'logEnd' })).map((r) => r.value?.toString())).toEqual(['a']);
  });

  it('a truncation during a write keeps flushedOffset at or below the truncation point', async () => {
    const { store, writes } = slowStore();
    const log = makeLog(store);
    log.autoHighWatermark = false;
    log.append(batch('a'));
    log.append(batch('b'));
    const f = log.flush();
    log.truncate(1);
    log.append(batch('x'));
    const g = log.flush();
    writes[0]!.done();
    await f;
    expect(log.flushedOffset).toBe(1);
    await tick();
    // The next write removes the truncated chunk and adds the new one.
    expect(writes[1]!.w.deleteChunks?.map((r) => r.chunk.baseOffset)).toEqual([1]);
    expect(puts(writes[1]!.w)).toEqual(['1-1']);
    writes[1]!.done();
    await g;
    expect(log.flushedOffset).toBe(2);
  });

  it('single broker: the high watermark follows the flushed offset, so what consumers see is durable', async () => {
    const { store, writes } = slowStore();
    const log = makeLog(store);
    const acked = log.appendAsLeader(batch('a'));
    expect(log.logEndOffset).toBe(1);
    expect(log.highWatermark).toBe(0);
    expect(await log.read(0)).toEqual([]);
    writes[0]!.done();
    expect((await acked).baseOffset).toBe(0);
    expect(log.highWatermark).toBe(1);
  });

  it('a failed write rolls the unflushed appends back and fails every one waiting on them', async () => {
    const { store, writes, mode } = slowStore();
    const log = makeLog(store);
    const a = log.appendAsLeader(batch('a'));
    writes[0]!.done();
    await a;
    const b = log.appendAsLeader(batch('b'));
    const c = log.appendAsLeader(batch('c'));
    writes[1]!.fail(new Error('quota'));
    await expect(b).rejects.toThrow('quota');
    await expect(c).rejects.toThrow('quota');
    expect(log.logEndOffset).toBe(1);
    mode.auto = true;
    for (const w of writes.slice(2)) w.done();
    expect((await log.appendAsLeader(batch('d'))).baseOffset).toBe(1);
    expect((await log.read(0)).map((r) => r.value?.toString())).toEqual(['a', 'd']);
  });
});
