// Turns sticky text into readable identifier shapes (PascalCase types, camelCase values,
// kebab-case files, services and topic segments, Avro enum symbols). Every result is plain
// ASCII that is valid in its target; uniqueness is the job of NameScope.
import { isReservedIdentifier, RESERVED_FILE_NAMES } from './reserved';
import { shortHash, toWords } from './words';

/** Generated names stay short enough to read; longer ones are cut and made distinct by a hash. */
export const MAX_IDENTIFIER_LENGTH = 60;

const capitalise = (w: string) => w[0]!.toUpperCase() + w.slice(1);

function joinCapped(parts: string[], sep: string, text: string, max = MAX_IDENTIFIER_LENGTH): string {
  const joined = parts.join(sep);
  if (joined.length <= max) return joined;
  const hash = shortHash(text);
  return joined.slice(0, max - hash.length - sep.length).replace(/[-_.]+$/, '') + sep + hash;
}

/** Words for a name, or [fallback, hash] when the text holds nothing readable in ASCII. */
function wordsOr(text: string, fallback: string): string[] {
  const words = toWords(text);
  if (words.length > 0) return words;
  return text.trim().length === 0 ? [fallback] : [fallback, shortHash(text).toUpperCase()];
}

/**
 * PascalCase type name. `kind` (e.g. "Event") prefixes names that would start with a digit
 * and suffixes names that are reserved words or globals ("Promise" → "PromiseEvent").
 */
export function pascalName(text: string, kind: string): string {
  const words = wordsOr(text, kind);
  let name = joinCapped(words.map(capitalise), '', text);
  if (/^[0-9]/.test(name)) name = kind + name;
  if (isReservedIdentifier(name)) name += kind;
  return name;
}

/** camelCase value name (functions, variables, payload fields), same rules as pascalName. */
export function camelName(text: string, kind: string): string {
  const words = wordsOr(text, kind);
  const [first, ...rest] = words;
  let name = joinCapped([first!.toLowerCase(), ...rest.map(capitalise)], '', text);
  if (/^[0-9]/.test(name)) name = kind.toLowerCase() + capitalise(name);
  if (isReservedIdentifier(name)) name += capitalise(kind);
  return name;
}

/** kebab-case: file names, service folders, topic segments, consumer group segments. */
export function kebabName(text: string, kind: string): string {
  const words = wordsOr(text, kind.toLowerCase()).map((w) => w.toLowerCase());
  let name = joinCapped(words, '-', text);
  if (RESERVED_FILE_NAMES.has(name)) name += `-${kind.toLowerCase()}`;
  return name;
}

/** Avro enum symbol ([A-Za-z_][A-Za-z0-9_]*), upper snake case: "Gold tier" → "GOLD_TIER". */
export function symbolName(text: string): string {
  const words = wordsOr(text, 'SYMBOL').map((w) => w.toUpperCase());
  const name = joinCapped(words, '_', text);
  return /^[0-9]/.test(name) ? `S_${name}` : name;
}

export function isValidIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !isReservedIdentifier(name);
}
