import { describe, expect, it } from 'vitest';
import { setOwn } from './ownKey';

describe('setOwn', () => {
  it('keeps a "__proto__" key as an entry, and the object an ordinary one', () => {
    const o: Record<string, string> = {};
    setOwn(o, 'a', '1');
    setOwn(o, '__proto__', 'p');
    setOwn(o, 'b', '2');
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.entries(o)).toEqual([['a', '1'], ['__proto__', 'p'], ['b', '2']]);
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    setOwn(o, '__proto__', 'q');
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')?.value).toBe('q');
  });

  it('does what a plain assignment does for every other key', () => {
    const o: Record<string, Uint8Array> = {};
    const v = new Uint8Array([1]);
    setOwn(o, 'constructor', v);
    expect(o.constructor).toBe(v);
  });
});
