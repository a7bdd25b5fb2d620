import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, type PayloadField } from '../types';
import { hasProblems, validateContext, validateField, validateIdField, validatePayload, validateStream } from './inspectorValidation';

const field = (name: string, type: PayloadField['type'] = 'string', extra: Partial<PayloadField> = {}): PayloadField => ({ name, type, optional: false, doc: '', ...extra });

describe('validateStream', () => {
  it('accepts the defaults and explains each bad value', () => {
    expect(validateStream(DEFAULT_STREAM)).toEqual({});
    expect(validateStream({ ...DEFAULT_STREAM, partitions: 0 }).partitions).toBe('Partitions must be a whole number from 1 to 1000');
    expect(validateStream({ ...DEFAULT_STREAM, partitions: 1001 }).partitions).toMatch(/1 to 1000/);
    expect(validateStream({ ...DEFAULT_STREAM, partitions: 2.5 }).partitions).toMatch(/whole number/);
    expect(validateStream({ ...DEFAULT_STREAM, partitions: Number.NaN }).partitions).toBeDefined();
    expect(validateStream({ ...DEFAULT_STREAM, replicationFactor: 10 }).replicationFactor).toMatch(/1 to 9/);
    expect(validateStream({ ...DEFAULT_STREAM, cleanupPolicy: 'compact,delete' }).cleanupPolicy).toMatch(/delete.*compact/);
    expect(validateStream({ ...DEFAULT_STREAM, retentionMs: 0 }).retentionMs).toMatch(/-1 to keep records forever/);
    expect(validateStream({ ...DEFAULT_STREAM, retentionMs: -1 })).toEqual({});
  });
});

describe('validateField', () => {
  it('needs a usable, unique name', () => {
    expect(validateField(field('orderId'))).toEqual({});
    expect(validateField(field('')).name).toBe('A field needs a name');
    expect(validateField(field('order id')).name).toMatch(/letters, digits and _/);
    expect(validateField(field('1st')).name).toMatch(/must not start with a digit/);
    expect(validateField(field('amount'), [field('amount')]).name).toMatch(/unique within a payload/);
  });

  it('needs at least one unique, valid symbol for an enum', () => {
    expect(validateField(field('currency', 'enum')).symbols).toBe('An enum needs at least one symbol');
    expect(validateField(field('currency', 'enum', { symbols: [] })).symbols).toBe('An enum needs at least one symbol');
    expect(validateField(field('currency', 'enum', { symbols: ['EUR', 'EUR'] })).symbols).toMatch(/unique/);
    expect(validateField(field('currency', 'enum', { symbols: ['E-UR'] })).symbols).toMatch(/letters/);
    expect(validateField(field('currency', 'enum', { symbols: ['EUR', 'USD'] }))).toEqual({});
  });

  it('checks decimal precision and scale, and the type', () => {
    expect(validateField(field('amount', 'decimal', { precision: 19, scale: 4 }))).toEqual({});
    expect(validateField(field('amount', 'decimal', { precision: 0 })).precision).toMatch(/1 to 38/);
    expect(validateField(field('amount', 'decimal', { precision: 5, scale: 6 })).scale).toMatch(/0 to the precision \(5\)/);
    expect(validateField({ ...field('x'), type: 'float' as never }).type).toMatch(/one of string, int/);
  });

  it('reports duplicates in a payload on the later field only', () => {
    const problems = validatePayload([field('a'), field('b'), field('a')]);
    expect([...problems.keys()]).toEqual([2]);
  });
});

describe('validateContext and validateIdField', () => {
  it('explains bad instance counts, service names and sizes', () => {
    expect(validateContext({ text: 'Orders', serviceName: '', instances: 1, width: 640, height: 400 })).toEqual({});
    expect(validateContext({ serviceName: 'order-service', instances: 3 })).toEqual({});
    expect(validateContext({ serviceName: 'Order Service', instances: 1 }).serviceName).toMatch(/order-service/);
    expect(validateContext({ instances: 0 }).instances).toBe('Instances must be a whole number from 1 to 100');
    expect(validateContext({ instances: 1, text: ' ' }).text).toMatch(/needs a name/);
    expect(validateContext({ instances: 1, width: 10 }).width).toMatch(/at least 80/);
    expect(hasProblems(validateContext({ instances: 101 }))).toBe(true);
  });

  it('needs an id field name usable in code', () => {
    expect(validateIdField('accountId')).toBeUndefined();
    expect(validateIdField('')).toMatch(/needs a name/);
    expect(validateIdField('account id')).toMatch(/letters/);
  });
});
