// Pins the payload checks every handled record goes through: UUID fields (checked by hand, not
// by a regular expression) and fields a payload has that its message does not define.
import { describe, expect, it } from 'vitest';
import { checkValue, merged, payloadProblems, type Payload, type RuntimeField } from './messages';

const uuid: RuntimeField = { name: 'id', type: 'uuid', optional: false };

describe('payload checks', () => {
  it('takes a UUID in either case and nothing else', () => {
    for (const ok of ['123e4567-e89b-42d3-a456-426614174000', 'ABCDEF01-2345-6789-ABCD-EF0123456789', '00000000-0000-0000-0000-000000000000']) expect(checkValue(uuid, ok)).toBeNull();
    for (const bad of ['123e4567e89b42d3a456426614174000', '123e4567-e89b-42d3-a456-42661417400', '123e4567-e89b-42d3-a456-4266141740000', '123e4567-e89b-42d3-a456_426614174000', '123e4567-e89b-42d3-a456-42661417400g', '123e4567-e89b-42d3-a4-56426614174000', ' 23e4567-e89b-42d3-a456-426614174000', 42, null]) {
      expect(checkValue(uuid, bad)).toBe('must be a UUID string');
    }
  });

  it('names every field a payload has that the message does not define, and every required one it lacks', () => {
    const fields: RuntimeField[] = [uuid, { name: 'amount', type: 'int', optional: false }];
    expect(payloadProblems(fields, { id: '123e4567-e89b-42d3-a456-426614174000', amount: 3 })).toEqual([]);
    expect(payloadProblems(fields, { id: '123e4567-e89b-42d3-a456-426614174000', extra: 1, other: 'x' })).toEqual([
      { field: 'amount', message: 'is required' },
      { field: 'extra', message: 'is not a field of this message' },
      { field: 'other', message: 'is not a field of this message' },
    ]);
  });
});

describe('merged (what { ...a, ...b, ...c } gives)', () => {
  it('copies own properties in order, later sources winning, and leaves the sources alone', () => {
    const a = { id: 'x', n: 1, 2: 'two' };
    const b = { n: 2, s: 'b' };
    const c = { t: true };
    const out = merged(a, b, c);
    expect(out).toEqual({ ...a, ...b, ...c });
    expect(Object.keys(out)).toEqual(Object.keys({ ...a, ...b, ...c }));
    expect(JSON.stringify(out)).toBe(JSON.stringify({ ...a, ...b, ...c }));
    expect(a).toEqual({ id: 'x', n: 1, 2: 'two' });
    expect(merged(undefined, b)).toEqual(b);
    expect(merged()).toEqual({});
    expect(merged(a)).not.toBe(a);
  });

  it('keeps a payload field named __proto__ as a field, as the spread does, without changing the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "k": 1}') as Payload;
    const cases: Payload[][] = [[parsed], [{ a: 1 }, parsed], [{ a: 1 }, {}, parsed]];
    for (const [a, b, c] of cases) {
      const out = merged(a, b, c);
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
      expect((out as { polluted?: boolean }).polluted).toBeUndefined();
      expect(JSON.stringify(out)).toBe(JSON.stringify({ ...a, ...b, ...c }));
    }
  });
});
