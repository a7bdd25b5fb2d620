// A consumed record as the handler runtime reads it (a runtime.WireRecord): key and headers as
// text, the value read when a handler asks for it. An event's payload is read from the value's
// bytes directly (the schema's decoding), not written out as JSON text and parsed back: every
// event record is read by several groups (policies, projectors), and none of them needs the text.
import { runtime } from '../topology';

export interface ValueReader {
  /** The value as JSON text (wire-format values decoded to this run's schema). */
  valueText(bytes: Uint8Array): string;
  /** The value's fields when it is in a registered schema's wire format, else undefined. */
  fields(bytes: Uint8Array): Record<string, unknown> | undefined;
}

export class ConsumedWire implements runtime.WireRecord {
  private text: string | undefined;
  private decoded: runtime.EventEnvelope | undefined;

  constructor(
    readonly key: string | null,
    private readonly bytes: Uint8Array | null,
    readonly headers: Readonly<Record<string, string>>,
    readonly timestamp: string,
    private readonly reader: ValueReader,
  ) {}

  get value(): string {
    return (this.text ??= this.bytes === null ? '' : this.reader.valueText(this.bytes));
  }

  /**
   * The event the record holds, read once: every group reading a record gets the same wire
   * record, and handlers only read events (policies and projectors of one topic share it).
   */
  event(): runtime.EventEnvelope {
    return (this.decoded ??= runtime.recordToEvent(this, this.payload()));
  }

  /**
   * The payload the value's text would parse to, without the text: only when the decoded
   * fields are what JSON gives back (strings, booleans, finite numbers, null, plain arrays and
   * objects of them); undefined otherwise (the caller parses the text).
   */
  payload(): runtime.Payload | undefined {
    if (this.text !== undefined || this.bytes === null) return undefined;
    const fields = this.reader.fields(this.bytes);
    return fields !== undefined && asJson(fields) ? (fields as runtime.Payload) : undefined;
  }
}

/** Whether JSON.parse(JSON.stringify(v)) gives back a value equal to v. */
function asJson(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) return v.every(asJson);
      if (Object.getPrototypeOf(v) !== Object.prototype) return false;
      for (const k in v) if (!asJson((v as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
