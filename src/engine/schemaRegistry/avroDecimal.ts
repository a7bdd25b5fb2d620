// Avro's decimal logical type (bytes: the unscaled value, big-endian two's complement) for
// values the board's runtime carries as decimal strings ("-12.50"). avsc leaves logical types
// it has no implementation for as their underlying type; this one maps string ↔ bytes so a
// decimal field serialises exactly as Java's Conversions.DecimalConversion writes it (the
// conversion itself is lib/decimalBytes.ts, which the exported services carry too).
import avro, { type AvroType } from 'avsc/etc/browser/avsc-types.js';
import { decimalStringToBytes, fromUnscaledBytes, unscaledToDecimal } from '../../lib/decimalBytes';

export { decimalToUnscaled, unscaledToDecimal } from '../../lib/decimalBytes';

type BufferClass = { from(a: ArrayBufferLike, offset: number, length: number): Uint8Array };
let AvroBuffer: BufferClass | undefined;

/**
 * A view of the bytes as the Buffer avsc expects (Node's, or the buffer package's in a browser),
 * without copying. The constructor is borrowed from avsc on first use, not when this module
 * loads: building an avsc type generates code (new Function), which a page whose
 * Content-Security-Policy forbids 'unsafe-eval' (the workshop server's) refuses.
 */
export function asAvroBuffer(bytes: Uint8Array): Uint8Array {
  return avroBufferClass().from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Borrows avsc's Buffer constructor. Call it before encoding: it writes through avsc's shared
 * scratch buffer, so doing it for the first time inside an encode (a decimal field's conversion)
 * would overwrite the record being encoded.
 */
export function avroBufferClass(): BufferClass {
  AvroBuffer ??= (avro.Type.forSchema('string').toBuffer('') as unknown as { constructor: BufferClass }).constructor;
  return AvroBuffer;
}

interface DecimalSchema {
  precision?: number;
  scale?: number;
}

/** avsc logical type class: registered as `logicalTypes: { decimal: AvroDecimal }`. */
export class AvroDecimal extends avro.types.LogicalType {
  private readonly scale: number;
  private readonly precision: number;
  constructor(schema: unknown, opts?: unknown) {
    super(schema, opts);
    const s = schema as DecimalSchema;
    this.precision = s.precision ?? 38;
    this.scale = s.scale ?? 0;
  }
  protected _fromValue(value: Uint8Array): string {
    return unscaledToDecimal(fromUnscaledBytes(value), this.scale);
  }
  protected _toValue(value: unknown): Uint8Array | undefined {
    const bytes = decimalStringToBytes(value, this.precision, this.scale);
    return bytes && asAvroBuffer(bytes);
  }
  protected _resolve(type: AvroType): ((v: unknown) => unknown) | undefined {
    return type.typeName === 'bytes' || type.typeName === 'logical:decimal' ? (v) => v : undefined;
  }
}
