// Typed errors of the code export.
import { StormbenchError } from '../lib/errors';
import type { Problem } from '../topology';

/** The board has compile errors; the export would not run, so it is refused with the list. */
export class ExportBlockedError extends StormbenchError {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `The board has ${problems.length} error${problems.length === 1 ? '' : 's'} to fix before it can be exported: ${problems
        .map((p) => p.message)
        .join(' ')}`,
      { code: 'EXPORT_BLOCKED', retriable: false, context: { count: problems.length } },
    );
  }
}
