// Every step kind of the catalog has a hint, and hints name the broker they are about.
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from './engineApi';
import { watchForStep } from './experimentHints';

describe('watchForStep', () => {
  it('says what to watch for every step of every ready experiment', () => {
    for (const e of EXPERIMENTS) for (const s of e.steps) expect(watchForStep(s).length, `${e.id} ${s.kind}`).toBeGreaterThan(30);
  });

  it('names the broker and tells acks apart', () => {
    expect(watchForStep({ kind: 'crash', broker: 2 })).toContain('broker 2');
    expect(watchForStep({ kind: 'produce', topic: 't', partition: 0, acks: -1, count: 1 })).toContain('acks=all');
    expect(watchForStep({ kind: 'produce', topic: 't', partition: 0, acks: 1, count: 1 })).toContain('acks=1');
  });
});
