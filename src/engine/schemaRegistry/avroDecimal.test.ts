// Decimals inside a record, in a module state where nothing has converted a value yet: the
// conversion must not disturb the record being encoded around it (avsc encodes through one
// shared buffer; a first-use lookup nested in an encoding once overwrote the record's bytes).
import { describe, expect, it } from 'vitest';
import { parseSchema } from './schemaFormats';
import { decimalToUnscaled, unscaledToDecimal } from './avroDecimal';

describe('Avro decimals', () => {
  it('encode inside a record without disturbing the fields around them, first thing in a fresh module', () => {
    const schema = parseSchema({
      schemaType: 'AVRO',
      schema: { type: 'record', name: 'Opened', fields: [{ name: 'limit', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } }, { name: 'at', type: 'long' }, { name: 'currency', type: { type: 'enum', name: 'C', symbols: ['EUR', 'CHF'] } }] },
    });
    const value = { limit: '-1250.50', at: 1_700_000_003_042, currency: 'CHF' };
    expect(JSON.parse(JSON.stringify(schema.decode(schema.encode(value))))).toEqual(value);
  });

  it('converts decimal strings to unscaled values and back', () => {
    expect(decimalToUnscaled('-12.5', 2)).toBe(-1250n);
    expect(decimalToUnscaled('12.345', 2)).toBeNull();
    expect(unscaledToDecimal(-5n, 2)).toBe('-0.05');
    expect(unscaledToDecimal(128n, 0)).toBe('128');
  });
});
