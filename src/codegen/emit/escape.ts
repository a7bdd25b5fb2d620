// The only way board text reaches generated code. Strings and data become JSON literals
// (JSON.stringify escapes quotes, backslashes and control characters, and a JSON literal is a
// valid TS expression, so "${", backticks and quotes stay inert); comments lose every line
// terminator so text cannot end a line comment, and cannot contain "*/".
const LINE_TERMINATORS = /[\n\r\u2028\u2029]/g;

/** JSON text for a .json file (U+2028/2029 escaped too, harmless in JSON). */
export function jsonText(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (json === undefined) throw new TypeError('jsonText() needs a JSON-serialisable value');
  // U+2028/2029 are legal in JSON and in modern string literals, but not in every tool that
  // reads JS; escaping them costs nothing.
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A TS/JS literal for a JSON-serialisable value (strings, numbers, arrays, plain objects).
 * JSON is almost a JS expression: the one difference is a "__proto__" key, which in an object
 * literal sets the prototype instead of adding a property, so it is written as a computed key.
 * (Inside a JSON string every quote is escaped, so the pattern only ever matches real keys.)
 */
export function literal(value: unknown, indent?: number): string {
  return jsonText(value, indent).replace(/([{,]\s*)"__proto__":/g, '$1["__proto__"]:');
}

/** A string literal: "..." with JSON escaping. */
export function str(text: string): string {
  return literal(String(text));
}

/** Text safe inside a line comment or a block comment: one line, no comment terminator. */
export function commentText(text: string, max = 120): string {
  const oneLine = String(text).replace(LINE_TERMINATORS, ' ').replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}

/** Text safe in Markdown prose: no raw HTML, links, code fences or emphasis from board text. */
export function markdownText(text: string): string {
  return commentText(text, 200).replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

/** literal(value, 2) re-indented to sit at `spaces` columns inside generated code. */
export function indented(value: unknown, spaces: number): string {
  // JSON text has no raw newlines inside strings, so every newline is layout.
  return literal(value, 2).replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

/**
 * An identifier for generated code. Names come from src/topology/naming and are always valid;
 * this guard turns a bug there into a clear failure instead of broken (or injected) code.
 */
export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`export: ${JSON.stringify(name)} is not a safe identifier`);
  return name;
}
