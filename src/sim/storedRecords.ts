// Reading records back as text: a consumed record for the handler runtime, and a stored run's
// logs when it is restored (event streams, read-model tables). One decoding of key, value and
// headers for all of them.
import { utf8, type DecodedRecord, type PartitionLog } from './engineApi';

export interface RecordText {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * A record's key, value and headers as UTF-8 strings (a null header value reads as ''); the
 * value through `valueText` when given (wire-format values decoded by eventSchemas.ts).
 */
export function recordText(r: DecodedRecord, valueText: (bytes: Uint8Array) => string = utf8): RecordText {
  const headers: Record<string, string> = {};
  for (const [k, v] of r.headers) headers[k] = v === null ? '' : utf8(v);
  return { key: r.key === null ? null : utf8(r.key), value: r.value === null ? null : valueText(r.value), headers };
}

/** Every record a log holds, from its start to its end, in offset order (read a chunk at a time). */
export async function forEachStoredRecord(log: PartitionLog, visit: (r: DecodedRecord) => void): Promise<void> {
  for (let at = log.logStartOffset; at < log.logEndOffset; ) {
    const batch = await log.read(at, { isolation: 'logEnd', maxRecords: 5_000, maxBytes: Infinity });
    if (batch.length === 0) return;
    for (const r of batch) visit(r);
    at = batch[batch.length - 1]!.offset + 1;
  }
}
