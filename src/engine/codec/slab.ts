// Encoded batches live in large shared ArrayBuffers instead of one allocation each: every new
// ArrayBuffer counts as external memory, and many small ones make V8 collect garbage far more
// often. The encoder writes straight into the free end of the current slab (no copy) and then
// commits what it used. Slabs fill in append order, so retention (oldest first) frees them in
// order too.
const SLAB_BYTES = 4 * 1024 * 1024;

let slab = new Uint8Array(0);
let used = 0;

/** The free end of the current slab, at least `min` bytes (a new slab when too little is left). */
export function slabSpace(min: number): Uint8Array {
  if (slab.length - used < min) {
    slab = new Uint8Array(Math.max(SLAB_BYTES, min));
    used = 0;
  }
  return slab.subarray(used);
}

/** Keeps the first `length` bytes of the last slabSpace() view; returns them. */
export function commitSlab(length: number): Uint8Array {
  const out = slab.subarray(used, used + length);
  // 8-byte alignment keeps typed-array views over stored bytes possible.
  used += (length + 7) & ~7;
  return out;
}

/** A copy of bytes[0, length) in slab memory (its own buffer when larger than a quarter slab). */
export function copyToSlab(bytes: Uint8Array, length: number): Uint8Array {
  if (length > SLAB_BYTES / 4) return bytes.slice(0, length);
  slabSpace(length).set(bytes.subarray(0, length));
  return commitSlab(length);
}
