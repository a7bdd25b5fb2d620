// Reads a board from untrusted input (an imported file, storage, a paste): size limits first so
// garbage is refused quickly, then version detection and migrations, then the schema, then the
// references the schema cannot see (links to missing stickies, parents that are not contexts).
// Anything wrong becomes a BoardParseError that says what and where.
import { z } from 'zod';
import { checkLink } from './grammar';
import { BoardParseError } from './errors';
import { KNOWN_VERSIONS, migrateToCurrent } from './migrations';
import { boardSchema } from './schema';
import type { Board, BoardElement, ElementKind } from './types';
import { BOARD_VERSION, KIND_LABELS } from './types';
import { MAX_CONTEXT_NESTING, nestingDepths } from './nesting';
import { excerpt, excerptId, truncate } from '../lib/excerpt';

/** Largest JSON text accepted (characters); a 2,000-sticky board with payloads is about 1 MB. */
export const MAX_BOARD_JSON_CHARS = 20_000_000;
export const MAX_BOARD_ELEMENTS = 20_000;
export const MAX_BOARD_LINKS = 40_000;
/** How many problems a message lists before summarising the rest. */
const MAX_LISTED = 5;
/** Longest problem line in a message (the problems list keeps the lines whole). */
const MAX_PROBLEM_CHARS = 240;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = truncate(String(key), 40);
      out += out === '' ? name : `.${name}`;
    }
  }
  return out === '' ? '(board)' : out;
}

/** One line per schema issue, saying where and what (shared by the board and slices readers). */
export function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string {
  const where = formatPath([...prefix, ...issue.path]);
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      return received === 'undefined'
        ? `${where}: missing (expected ${issue.expected})`
        : `${where}: expected ${issue.expected}${received ? `, got ${received}` : ''}`;
    }
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `${where}: expected one of ${options.map((v) => JSON.stringify(v)).join(', ')}`;
      return `${where}: ${issue.message}`;
    }
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 3)
        .map((k) => excerpt(k, 40))
        .join(', ')}${issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''}`;
    default:
      return `${where}: ${truncate(`${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`, 160)}`;
  }
}

function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()}`;
}

function fail(problems: string[], code = 'BOARD_PARSE'): never {
  const listed = problems.slice(0, MAX_LISTED);
  const more = problems.length - listed.length;
  const head = problems.length === 1 ? 'This is not a valid board' : `This is not a valid board (${problems.length} problems)`;
  // Each problem quotes values briefly already; the cap is a last guard for the alert's length.
  throw new BoardParseError(`${head}: ${listed.map((p) => truncate(p, MAX_PROBLEM_CHARS)).join('; ')}${more > 0 ? `; and ${more} more` : ''}`, problems, code);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function detectVersion(doc: Record<string, unknown>): number {
  const v = doc['version'];
  if (v === undefined) {
    if ('stickies' in doc) return 0;
    fail(['version: missing; a board file has a "version" field']);
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) fail([`version: expected a whole number, got ${excerpt(v)}`], 'BOARD_VERSION');
  if (v > BOARD_VERSION)
    fail([`version: ${v} was written by a newer Stormbench; this one reads board versions up to ${BOARD_VERSION}`], 'BOARD_VERSION');
  if (!KNOWN_VERSIONS.includes(v))
    fail([`version: unknown board version ${v}; known versions are ${KNOWN_VERSIONS.join(', ')}`], 'BOARD_VERSION');
  return v;
}

function checkReferences(board: Board): string[] {
  const problems: string[] = [];
  const byId = new Map<string, BoardElement>();
  const indexOf = new Map<string, number>();
  board.elements.forEach((el, i) => {
    if (byId.has(el.id)) problems.push(`elements[${i}].id: ${excerptId(el.id)} is used by another sticky`);
    else {
      byId.set(el.id, el);
      indexOf.set(el.id, i);
    }
  });
  board.elements.forEach((el, i) => {
    if (el.parentId === undefined) return;
    const parent = byId.get(el.parentId);
    if (!parent) problems.push(`elements[${i}].parentId: no bounded context with id ${excerptId(el.parentId)}`);
    else if (parent.kind !== 'boundedContext')
      problems.push(`elements[${i}].parentId: ${excerptId(el.parentId)} is ${withArticle(KIND_LABELS[parent.kind])}, not a bounded context`);
  });
  // A context may sit inside another, but never (indirectly) inside itself, nor too deep.
  const { depth, cycles } = nestingDepths(board.elements.length, (i) => {
    const parentId = board.elements[i]!.parentId;
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    return parent?.kind === 'boundedContext' ? indexOf.get(parent.id)! : -1;
  });
  for (const cycle of cycles)
    problems.push(`elements[${cycle[0]}].parentId: bounded contexts contain each other in a cycle (${cycle.map((i) => `elements[${i}]`).slice(0, 4).join(', ')}${cycle.length > 4 ? ', …' : ''})`);
  problems.push(...nestedTooDeep(depth));
  const linkIds = new Set<string>();
  board.links.forEach((link, i) => {
    if (linkIds.has(link.id)) problems.push(`links[${i}].id: ${excerptId(link.id)} is used by another link`);
    linkIds.add(link.id);
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source) problems.push(`links[${i}].source: no sticky with id ${excerptId(link.source)}`);
    if (!target) problems.push(`links[${i}].target: no sticky with id ${excerptId(link.target)}`);
    if (link.source === link.target) problems.push(`links[${i}]: a link cannot connect a sticky to itself`);
    if (source && target && !link.freeForm) {
      const check = checkLink(source.kind as ElementKind, target.kind as ElementKind);
      if (!check.allowed) problems.push(`links[${i}]: outside the grammar (${check.hint}) but not marked freeForm`);
    }
  });
  return problems;
}

/**
 * Refuses contexts nested past the cap before the schema reads every element: a file of
 * thousands of nested contexts is then refused in the time JSON.parse takes.
 */
function failIfNestedTooDeep(doc: unknown): void {
  const elements = isRecord(doc) ? doc['elements'] : undefined;
  if (!Array.isArray(elements)) return;
  const indexOf = new Map<unknown, number>();
  elements.forEach((el, i) => {
    if (isRecord(el) && typeof el['id'] === 'string' && !indexOf.has(el['id'])) indexOf.set(el['id'], i);
  });
  const { depth } = nestingDepths(elements.length, (i) => {
    const el: unknown = elements[i];
    return isRecord(el) && typeof el['parentId'] === 'string' ? (indexOf.get(el['parentId']) ?? -1) : -1;
  });
  const problems = nestedTooDeep(depth);
  if (problems.length > 0) fail(problems);
}

function nestedTooDeep(depth: readonly number[]): string[] {
  const problems: string[] = [];
  depth.forEach((d, i) => {
    if (d === MAX_CONTEXT_NESTING + 1)
      problems.push(
        `elements[${i}].parentId: this sticky sits inside ${d} nested bounded contexts; at most ${MAX_CONTEXT_NESTING} levels are allowed (and everything inside it is deeper still)`,
      );
  });
  return problems;
}

/**
 * Validates and migrates a board. Accepts the JSON text of a file or an already parsed value.
 * Throws BoardParseError (and nothing else) when the input is not a readable board, whatever
 * the value is: a BigInt, a circular object, a throwing getter or a Proxy included.
 */
export function parseBoard(input: unknown): Board {
  try {
    return readBoard(input);
  } catch (e) {
    throw asParseError(e);
  }
}

/** What parseBoard throws for a failure that is not already a BoardParseError. */
function asParseError(e: unknown): BoardParseError {
  try {
    if (e instanceof BoardParseError) return e;
  } catch {
    // A thrown Proxy can throw again from instanceof: treat it as any other foreign value.
  }
  let detail: string;
  try {
    detail = e instanceof RangeError ? 'it is nested too deeply' : e instanceof Error ? truncate(String(e.message), 160) : `it threw ${excerpt(e)}`;
  } catch {
    detail = 'it could not be read';
  }
  return new BoardParseError(`This is not a valid board: it is not plain JSON data (${detail})`, [`(board): not plain JSON data (${detail})`], 'BOARD_PARSE');
}

function readBoard(input: unknown): Board {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_BOARD_JSON_CHARS)
      fail([`the file is ${(input.length / 1e6).toFixed(1)} MB; a board file may be at most ${MAX_BOARD_JSON_CHARS / 1e6} MB`], 'BOARD_TOO_LARGE');
    try {
      value = JSON.parse(input);
    } catch (e) {
      fail([`the file is not JSON (${truncate(e instanceof Error ? e.message : String(e), 160)})`], 'BOARD_NOT_JSON');
    }
  }
  if (!isRecord(value)) fail([`expected a board object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`]);
  const els = value['elements'] ?? value['stickies'];
  const links = value['links'] ?? value['arrows'];
  if (Array.isArray(els) && els.length > MAX_BOARD_ELEMENTS)
    fail([`elements: ${els.length} stickies; a board may hold at most ${MAX_BOARD_ELEMENTS}`], 'BOARD_TOO_LARGE');
  if (Array.isArray(links) && links.length > MAX_BOARD_LINKS)
    fail([`links: ${links.length} links; a board may hold at most ${MAX_BOARD_LINKS}`], 'BOARD_TOO_LARGE');

  const version = detectVersion(value);
  let migrated: unknown;
  try {
    migrated = migrateToCurrent(value, version);
  } catch (e) {
    if (e instanceof z.ZodError) fail(e.issues.map((issue) => describeIssue(issue, [])));
    fail([`could not upgrade the board from version ${version} (${truncate(e instanceof Error ? e.message : String(e), 160)})`], 'BOARD_MIGRATION');
  }
  failIfNestedTooDeep(migrated);
  const result = boardSchema.safeParse(migrated);
  if (!result.success) fail(result.error.issues.map((issue) => describeIssue(issue, [])));
  const board = result.data;
  const problems = checkReferences(board);
  if (problems.length > 0) fail(problems);
  return board;
}
