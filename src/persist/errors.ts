// Typed errors of the persistence layer: what went wrong with the browser's storage, whether
// trying again may help, and what the person can do about it.
import { StormbenchError } from '../lib/errors';

export class PersistError extends StormbenchError {
  constructor(message: string, code: string, options: { retriable?: boolean; cause?: unknown; context?: Record<string, unknown> } = {}) {
    super(message, { code, retriable: options.retriable ?? false, cause: options.cause, ...(options.context ? { context: options.context } : {}) });
  }
}

export class BoardNotFoundError extends PersistError {
  constructor(id: string) {
    super(`There is no saved board with id ${id}; it may have been deleted`, 'BOARD_NOT_FOUND', { context: { id } });
  }
}

/** The open board is no longer stored (deleted in another tab): changes made here are kept in the tab only. */
export class BoardDeletedError extends PersistError {
  constructor(id: string) {
    super('This board was deleted in another tab, so changes made here are not saved. Keep a copy to save them as a new board', 'BOARD_DELETED', {
      context: { id },
    });
  }
}

/** Turns a raw IndexedDB failure into a PersistError a person can act on. */
export function storageError(action: string, cause: unknown): PersistError {
  if (cause instanceof PersistError) return cause;
  const name = cause instanceof Error || (typeof cause === 'object' && cause !== null && 'name' in cause) ? String((cause as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError')
    return new PersistError(
      `Could not ${action}: the browser has no room left for this site. Delete boards you no longer need or free disk space, then try again`,
      'QUOTA_EXCEEDED',
      { cause },
    );
  const detail = name || (cause instanceof Error ? cause.message : '');
  return new PersistError(`Could not ${action}${detail ? ` (browser storage: ${detail})` : ''}; try again, or reload the page`, 'STORAGE_FAILED', {
    retriable: true,
    cause,
  });
}
