// Little-endian fields read byte by byte from a Uint8Array (and the few an append stamps,
// written): a DataView per access would allocate on paths that touch every batch header or
// record (appends, follower copies, fetches, key walks). The f64 reader and writer go through a
// Float64Array, whose byte order is the platform's: little-endian on every platform this runs on.
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const f64Words = new Uint32Array(f64.buffer);
export function u32At(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}
export function i32At(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
}
export function i16At(b: Uint8Array, at: number): number {
  const v = b[at]! | (b[at + 1]! << 8);
  return v >= 0x8000 ? v - 0x10000 : v;
}
export function f64At(b: Uint8Array, at: number): number {
  // The same eight bytes as two 32-bit words: two stores instead of eight before the read.
  f64Words[0] = b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
  f64Words[1] = b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24);
  return f64[0]!;
}
export function u16At(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
/** Writes a little-endian f64 (the writer to f64At, for fields stamped on every append). */
export function putF64(b: Uint8Array, at: number, v: number): void {
  f64[0] = v;
  for (let i = 0; i < 8; i++) b[at + i] = f64Bytes[i]!;
}
export function putI32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >> 8) & 0xff;
  b[at + 2] = (v >> 16) & 0xff;
  b[at + 3] = (v >> 24) & 0xff;
}
