// Avro's decimal logical type as bytes: the unscaled value, big-endian two's complement, as
// Java's Conversions.DecimalConversion writes it, for values carried as decimal strings
// ("-12.50"). The engine's registry and the exported services' registry codec both use this
// file (the export carries it verbatim), so a decimal is written the same way on both sides.
// Imports nothing.

/** The shortest two's-complement bytes of `unscaled`. */
export function unscaledBytes(unscaled: bigint): Uint8Array {
  const out: number[] = [];
  let v = unscaled;
  // Stop once the sign bit of the top byte agrees with the sign.
  for (;;) {
    const byte = Number(v & 0xffn);
    out.unshift(byte);
    v >>= 8n;
    if ((v === 0n && (byte & 0x80) === 0) || (v === -1n && (byte & 0x80) !== 0)) break;
  }
  return Uint8Array.from(out);
}

export function fromUnscaledBytes(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "-12.5" at scale 2 → -1250n; null when it is not a decimal or has more digits after the point than `scale`. */
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

/** The decimal's bytes, or undefined when `value` is not a decimal string that fits `precision` and `scale`. */
export function decimalStringToBytes(value: unknown, precision: number, scale: number): Uint8Array | undefined {
  if (typeof value !== 'string') return undefined;
  const v = decimalToUnscaled(value, scale);
  if (v === null || (v < 0n ? -v : v).toString().length > precision) return undefined;
  return unscaledBytes(v);
}
