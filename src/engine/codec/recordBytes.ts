// A Uint8Array view whose toString() decodes UTF-8 like Node's Buffer, so kafkajs handler code
// such as `message.value.toString()` works unchanged in a worker, where Buffer does not exist.
import { utf8 } from './bytes';

export class RecordBytes extends Uint8Array {
  override toString(): string {
    return utf8(this);
  }
  toJSON(): string {
    return utf8(this);
  }
}

export function view(buf: Uint8Array, at: number, len: number): RecordBytes {
  return new RecordBytes(buf.buffer as ArrayBuffer, buf.byteOffset + at, len);
}
