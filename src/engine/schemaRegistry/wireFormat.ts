// Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then
// the payload (Avro binary, or JSON text for JSON Schema). Every Confluent serializer writes
// it and every deserializer expects it, so records are portable between the simulator and a
// real cluster read by Confluent's clients.
import { WireFormatError } from '../errors';

export const MAGIC_BYTE = 0;
export const WIRE_HEADER_BYTES = 5;

export function frame(id: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(WIRE_HEADER_BYTES + payload.length);
  writeHeader(out, id);
  out.set(payload, WIRE_HEADER_BYTES);
  return out;
}

/** The magic byte and the schema id (big-endian) at the start of `out`. */
export function writeHeader(out: Uint8Array, id: number): void {
  out[0] = MAGIC_BYTE;
  out[1] = (id >>> 24) & 0xff;
  out[2] = (id >>> 16) & 0xff;
  out[3] = (id >>> 8) & 0xff;
  out[4] = id & 0xff;
}

export function unframe(bytes: Uint8Array): { id: number; payload: Uint8Array } {
  if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== MAGIC_BYTE) {
    throw new WireFormatError(
      bytes.length === 0
        ? 'Empty value: a record serialised with a registered schema starts with magic byte 0 and a 4-byte schema id.'
        : `Unknown magic byte ${bytes[0]} (or fewer than 5 bytes): this value was not written in the Confluent wire format (magic byte 0, 4-byte schema id). Was it produced without the registry's serializer?`,
      { firstByte: bytes[0] ?? null, length: bytes.length },
    );
  }
  const id = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1, false);
  return { id, payload: bytes.subarray(WIRE_HEADER_BYTES) };
}
