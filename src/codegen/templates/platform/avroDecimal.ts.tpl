// Avro's decimal logical type for avsc, which both registry client libraries build their Avro
// types with: a decimal field carries a decimal string ("-12.50") in the services and is
// written as Java's DecimalConversion writes it (decimalBytes.ts, the same conversion the
// Stormbench simulator's registry uses), so Java and Stormbench consumers read the same value.
import avsc from 'avsc';
import { decimalStringToBytes, fromUnscaledBytes, unscaledToDecimal } from './decimalBytes.js';

interface DecimalSchema {
  precision?: number;
  scale?: number;
}

export class AvroDecimal extends avsc.types.LogicalType {
  private readonly precision: number;
  private readonly scale: number;

  constructor(schema: avsc.Schema, opts?: unknown) {
    super(schema, opts);
    const s = schema as DecimalSchema;
    this.precision = s.precision ?? 38;
    this.scale = s.scale ?? 0;
  }

  protected override _fromValue(value: Buffer): string {
    return unscaledToDecimal(fromUnscaledBytes(value), this.scale);
  }

  protected override _toValue(value: unknown): Buffer | undefined {
    const bytes = decimalStringToBytes(value, this.precision, this.scale);
    return bytes && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  protected override _resolve(type: avsc.Type): ((v: unknown) => unknown) | undefined {
    return type.typeName === 'bytes' || type.typeName === 'logical:decimal' ? (v) => v : undefined;
  }
}

/** The avsc options both libraries pass to Type.forSchema. */
export const AVRO_OPTIONS = { logicalTypes: { decimal: AvroDecimal } };
