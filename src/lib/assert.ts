import { InvariantError } from './errors';

// Guards for states that only a bug can reach; user input is validated with typed errors instead.
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

export function assertNever(value: never, what = 'value'): never {
  throw new InvariantError(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
