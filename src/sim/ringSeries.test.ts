import { describe, expect, it } from 'vitest';
import { RingSeries } from './ringSeries';

describe('RingSeries', () => {
  it('keeps the newest samples, oldest first, without growing', () => {
    const r = new RingSeries(3, ['a', 'b']);
    for (let i = 1; i <= 5; i++) r.push(i * 10, [i, -i]);
    expect(r.length).toBe(3);
    const [t, a, b] = r.export();
    expect([...t!]).toEqual([30, 40, 50]);
    expect([...a!]).toEqual([3, 4, 5]);
    expect([...b!]).toEqual([-3, -4, -5]);
  });

  it('exports fresh buffers the worker can transfer without touching the ring', () => {
    const r = new RingSeries(4, ['x']);
    r.push(1, [1]);
    const [t] = r.export();
    expect(t!.buffer.byteLength).toBe(8);
    t![0] = 99;
    expect(r.export()[0]![0]).toBe(1);
  });
});
