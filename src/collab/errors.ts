// Typed errors of live collaboration; messages say what the person can do.
import { StormbenchError } from '../lib/errors';

export type CollabErrorCode = 'ROOM_UNREACHABLE' | 'ROOM_EMPTY' | 'ROOM_REFUSED' | 'NO_SERVER';

export class CollabError extends StormbenchError {
  constructor(message: string, code: CollabErrorCode, retriable: boolean, context?: Record<string, unknown>) {
    super(message, { code, retriable, ...(context ? { context } : {}) });
  }
}
