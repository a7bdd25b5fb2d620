// Typed errors of the assignor layer.
import { StormbenchError } from '../../lib/errors';

export class UnknownAssignorError extends StormbenchError {
  constructor(name: string, known: readonly string[]) {
    super(`Unknown partition assignor "${name}". Use one of: ${known.join(', ')}.`, {
      code: 'UNKNOWN_ASSIGNOR',
      context: { name },
    });
  }
}
