// Writes a board as JSON text with a stable key order, so that the same board always gives the
// same bytes (diffable exports) and parseBoard(serializeBoard(b)) equals b.
import type { Board } from './types';

const KEY_ORDER = [
  'version', 'id', 'kind', 'name', 'text', 'description', 'x', 'y', 'width', 'height', 'parentId',
  'source', 'target', 'freeForm', 'weight', 'settings', 'idField', 'stream', 'fields', 'serviceName', 'instances',
  'type', 'optional', 'doc', 'symbols', 'precision', 'scale',
  // rules and scenarios (version 2)
  'state', 'columns', 'outcomes', 'scenarios', 'eventId', 'elementId', 'field', 'op', 'initial', 'updates',
  'given', 'when', 'expr', 'then', 'rejected', 'values', 'elements', 'links',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function rank(key: string): number {
  return RANK.get(key) ?? KEY_ORDER.length;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

export function serializeBoard(board: Board): string {
  return `${JSON.stringify(canonical(board), null, 2)}\n`;
}
