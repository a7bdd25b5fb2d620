// Reading records back as text: a consumed record for the handler runtime, and a stored run's
// logs when it is restored (event streams, read-model tables). One decoding of key, value and
// headers for all of them.
import { recordTextOf, type DecodedRecord, type PartitionLog, type RecordText } from './engineApi';

export type { RecordText };

/**
 * A record's key, value and headers as UTF-8 strings (a null header value reads as ''); the
 * value through `valueText` when given (wire-format values decoded by eventSchemas.ts). A
 * consumed record is read from its batch's bytes without views of its fields.
 */
export const recordText: (r: DecodedRecord, valueText?: (bytes: Uint8Array) => string) => RecordText = recordTextOf;

/** Every record a log holds, from its start to its end, in offset order (read a chunk at a time). */
export async function forEachStoredRecord(log: PartitionLog, visit: (r: DecodedRecord) => void): Promise<void> {
  for (let at = log.logStartOffset; at < log.logEndOffset; ) {
    const batch = await log.read(at, { isolation: 'logEnd', maxRecords: 5_000, maxBytes: Infinity });
    if (batch.length === 0) return;
    for (const r of batch) visit(r);
    at = batch[batch.length - 1]!.offset + 1;
  }
}
