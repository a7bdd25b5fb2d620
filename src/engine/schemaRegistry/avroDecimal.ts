// Avro's decimal logical type (bytes: the unscaled value, big-endian two's complement) for
// values the board's runtime carries as decimal strings ("-12.50"). avsc leaves logical types
// it has no implementation for as their underlying type; this one maps string ↔ bytes so a
// decimal field serialises exactly as Java's Conversions.DecimalConversion writes it.
import avro, { type AvroType } from 'avsc/etc/browser/avsc-types.js';

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

function unscaledBytes(unscaled: bigint): Uint8Array {
  const out: number[] = [];
  let v = unscaled;
  // Two's complement, shortest form: stop once the sign bit of the top byte agrees.
  for (;;) {
    const byte = Number(v & 0xffn);
    out.unshift(byte);
    v >>= 8n;
    if ((v === 0n && (byte & 0x80) === 0) || (v === -1n && (byte & 0x80) !== 0)) break;
  }
  return Uint8Array.from(out);
}

function fromUnscaledBytes(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function decimalToUnscaled(text: string, scale: number): bigint | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > scale) return null;
  const digits = BigInt(m[2]! + frac.padEnd(scale, '0'));
  return m[1] ? -digits : digits;
}

export function unscaledToDecimal(v: bigint, scale: number): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg ? `-${text}` : text;
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
    if (typeof value !== 'string') return undefined;
    const v = decimalToUnscaled(value, this.scale);
    if (v === null) return undefined;
    if ((v < 0n ? -v : v).toString().length > this.precision) return undefined;
    return asAvroBuffer(unscaledBytes(v));
  }
  protected _resolve(type: AvroType): ((v: unknown) => unknown) | undefined {
    return type.typeName === 'bytes' || type.typeName === 'logical:decimal' ? (v) => v : undefined;
  }
}
