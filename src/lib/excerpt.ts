// Quoting values from untrusted input in messages. A message that repeats a 1 MB id in full runs
// across the screen and says nothing more than its first words would, so every value a message
// shows goes through here: at most about 80 characters, and never a throw, whatever the value is
// (a BigInt, a Proxy whose traps throw, a circular object).

/** Longest quoted text in a message, in characters (an ellipsis marks the cut). */
export const MAX_QUOTED_CHARS = 80;

/** Cuts text to `max` characters (the last being "…") without splitting a surrogate pair. */
export function truncate(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A short, safe rendering of any value for a message: strings in JSON quotes, numbers and
 * booleans as written, anything else by its type ("an object", "an array", "a bigint").
 */
export function excerpt(value: unknown, max = MAX_QUOTED_CHARS): string {
  try {
    switch (typeof value) {
      case 'string':
        // Quote first, then cut, so escapes count towards the limit and the result stays one line.
        return truncate(JSON.stringify(value), max);
      case 'number':
      case 'boolean':
        return String(value);
      case 'bigint':
        return truncate(`${value.toString()}n`, max);
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default:
        if (value === null) return 'null';
        return Array.isArray(value) ? 'an array' : 'an object';
    }
  } catch {
    // Array.isArray on a revoked Proxy throws; say as much as is safe.
    return 'an unreadable value';
  }
}

/** An id for a message: bare when it is plain (letters, digits, ":", "-", "_"), else quoted and cut. */
export function excerptId(id: unknown): string {
  return typeof id === 'string' && id.length <= MAX_QUOTED_CHARS && /^[A-Za-z0-9:_-]+$/.test(id) ? id : excerpt(id);
}
