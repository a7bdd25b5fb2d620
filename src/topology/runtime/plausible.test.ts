// Generated values look like data a person would enter, and always fit their field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldKind, RuntimeField } from './messages';
import { checkValue, generateValue } from './messages';
import { seededEnv } from './seededEnv';

const draw = (field: RuntimeField, n = 200) => Array.from({ length: n }, (_, i) => generateValue(field, seededEnv(i + 1)));

describe('plausible values', () => {
  it('money has two decimals in a range that fits its name', () => {
    const amounts = draw({ name: 'amount', type: 'decimal', optional: false, precision: 19, scale: 2 }) as string[];
    for (const a of amounts) {
      expect(a).toMatch(/^\d+\.\d{2}$/);
      expect(Number(a)).toBeGreaterThanOrEqual(5);
      expect(Number(a)).toBeLessThanOrEqual(500);
    }
    const fees = draw({ name: 'fee', type: 'decimal', optional: false, precision: 19, scale: 2 }) as string[];
    expect(Math.max(...fees.map(Number))).toBeLessThanOrEqual(25);
    const limits = draw({ name: 'overdraftLimit', type: 'decimal', optional: false, precision: 19, scale: 2 }) as string[];
    for (const l of limits) expect(Number(l) % 50).toBe(0);
    const prices = draw({ name: 'price', type: 'double', optional: false }) as number[];
    for (const p of prices) expect(Math.round(p * 100) / 100).toBe(p);
  });

  it('names, e-mail addresses and references read like people and paperwork', () => {
    const [email] = draw({ name: 'customerEmail', type: 'string', optional: false }, 1) as string[];
    expect(email).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
    const [name] = draw({ name: 'customerName', type: 'string', optional: false }, 1) as string[];
    expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const [ref] = draw({ name: 'reference', type: 'string', optional: false }, 1) as string[];
    expect(ref).toMatch(/^REF-\d{6}$/);
    const quantities = draw({ name: 'quantity', type: 'int', optional: false }) as number[];
    expect(Math.max(...quantities)).toBeLessThanOrEqual(5);
    expect(Math.min(...quantities)).toBeGreaterThanOrEqual(1);
  });

  it('every generated value fits its field, whatever the name, type, precision and scale', () => {
    const kinds: FieldKind[] = ['string', 'int', 'long', 'double', 'boolean', 'timestamp', 'uuid', 'enum', 'decimal'];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.oneof(fc.constantFrom('amount', 'fee', 'limit', 'balance', 'email', 'name', 'quantity', 'year', 'age', 'orderId', 'note'), fc.string({ maxLength: 12 })),
        fc.integer({ min: 1, max: 38 }),
        fc.integer({ min: 0, max: 38 }),
        fc.integer({ min: 1, max: 10_000 }),
        (type, name, precision, rawScale, seed) => {
          const scale = Math.min(rawScale, precision);
          const field: RuntimeField = { name, type, optional: false, ...(type === 'enum' ? { symbols: ['A', 'B'] } : {}), ...(type === 'decimal' ? { precision, scale } : {}) };
          expect(checkValue(field, generateValue(field, seededEnv(seed)))).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });
});
