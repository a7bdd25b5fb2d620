// A command's JSON Schema (in openapi.json and the schema files) accepts exactly the payloads
// the runtime's check accepts: the HTTP API validates with the runtime, the description
// promises the schema, and a difference would let one side accept what the other refuses.
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../topology';
import { runtime, runtimeFields } from '../../topology';
import { payloadSchema } from './jsonSchema';

const ajv = new Ajv2020({ strict: false, allErrors: true });

const fieldArb: fc.Arbitrary<FieldSpec> = fc.oneof(
  fc.constantFrom<FieldSpec['type']>('string', 'uuid', 'int', 'long', 'double', 'boolean', 'timestamp').map((type) => ({ type })),
  fc.constant({ type: 'enum' as const, symbols: ['A', 'B_2'] }),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([precision, s]) => ({ type: 'decimal' as const, precision, scale: Math.min(s, precision) })),
).chain((f) => fc.boolean().map((optional) => ({ name: 'f', label: 'f', doc: '', optional, ...f }) as FieldSpec));

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.string() as fc.Arbitrary<unknown>,
  fc.uuid(),
  fc.constantFrom('A', 'B_2', 'c', '', '0', '-0', '00012.5', '1.', '.5', '1.234', '123456789', '12.50', '-3', '0.001', 'DEADBEEF-0000-4000-8000-000000000000', '1e3', ' 1'),
  { arbitrary: fc.stringMatching(/^-?0{0,4}[0-9]{0,9}(\.[0-9]{0,9})?$/), weight: 4 },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(2147483647, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant([1]),
);

describe('payload schema ≡ runtime payload check', () => {
  it('agree on every payload of a one-field message', () => {
    fc.assert(
      fc.property(fieldArb, fc.option(valueArb, { nil: undefined }), fc.boolean(), (field, value, extra) => {
        const payload: Record<string, unknown> = value === undefined ? {} : { f: value };
        if (extra) payload.other = 1;
        const schemaAccepts = ajv.validate(payloadSchema('T', '', [field]), payload);
        const runtimeAccepts = runtime.payloadProblems(runtimeFields([field]), payload).length === 0;
        expect(schemaAccepts, `${JSON.stringify(field)} ${JSON.stringify(payload)}`).toBe(runtimeAccepts);
      }),
      { numRuns: 1000, seed: 11 },
    );
    // Each run compiles a schema: seconds on a loaded machine.
  }, 60_000);

  it('names the field of each problem', () => {
    const fields = runtimeFields([
      { name: 'amount', label: 'amount', doc: '', type: 'decimal', precision: 12, scale: 2, optional: false },
      { name: 'note', label: 'note', doc: '', type: 'string', optional: true },
    ]);
    expect(runtime.payloadProblems(fields, { amount: '1.234', extra: true })).toEqual([
      { field: 'amount', message: 'must fit decimal(12, 2)' },
      { field: 'extra', message: 'is not a field of this message' },
    ]);
    expect(runtime.payloadProblems(fields, [])).toEqual([{ field: '', message: 'payload must be an object' }]);
    expect(runtime.validatePayload(fields, {})).toEqual(['amount is required']);
  });
});
