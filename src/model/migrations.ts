// Versioned migrations of the board document: each entry lifts a document from one version to
// the next, and parseBoard runs them in order before validating. Version 0 is the early
// prototype shape (stickies + arrows, no version field); it stays readable so old exports load.
import { z } from 'zod';
import { isSafeId } from '../lib/ids';
import { hashString } from '../lib/rng';
import { checkLink } from './grammar';
import type { BoardElement, BoardLink, ElementId, ElementKind } from './types';
import { BOARD_VERSION, DEFAULT_SETTINGS } from './types';
import { makeElement } from './elements';

export interface Migration {
  from: number;
  to: number;
  description: string;
  /** Receives a document of version `from` (not yet validated) and returns one of version `to`. */
  migrate(doc: unknown): unknown;
}

/** The prototype's kind names, mapped to today's. */
const V0_KINDS: Record<string, ElementKind> = {
  domainEvent: 'event',
  command: 'command',
  policy: 'policy',
  aggregate: 'aggregate',
  readModel: 'readModel',
  system: 'externalSystem',
  actor: 'actor',
  hotspot: 'hotspot',
  context: 'boundedContext',
};

export const boardV0Schema = z.object({
  version: z.literal(0).optional(),
  title: z.string(),
  stickies: z.array(
    z.object({
      id: z.string().min(1),
      type: z.enum(Object.keys(V0_KINDS) as [string, ...string[]]),
      label: z.string(),
      x: z.number().finite(),
      y: z.number().finite(),
      w: z.number().finite().positive().optional(),
      h: z.number().finite().positive().optional(),
    }),
  ),
  arrows: z.array(z.object({ from: z.string().min(1), to: z.string().min(1) })),
});
export type BoardV0 = z.output<typeof boardV0Schema>;

function v0ToV1(input: unknown): unknown {
  // Shape errors are reported by parseBoard with paths, so validate here with the v0 schema.
  const doc = boardV0Schema.parse(input);
  // The prototype took any text as an id; ids outside today's safe alphabet get a fresh one
  // derived from their place, and arrows follow them.
  const renamed = new Map<string, ElementId>();
  const taken = new Set<string>();
  const ids: ElementId[] = [];
  for (const [i, s] of doc.stickies.entries()) {
    const plain = s.id.startsWith('el:') ? s.id : `el:${s.id}`;
    let id = plain;
    if (!isSafeId(plain, 'el') || taken.has(plain)) for (let n = 0; ; n++) if (!taken.has((id = `el:v0-${i}${n > 0 ? `-${n}` : ''}`))) break;
    taken.add(id);
    ids.push(id as ElementId);
    if (!renamed.has(s.id)) renamed.set(s.id, id as ElementId);
  }
  const elementId = (raw: string) => renamed.get(raw) ?? ((raw.startsWith('el:') ? raw : `el:${raw}`) as ElementId);
  const elements: BoardElement[] = doc.stickies.map((s, i) => {
    const kind = V0_KINDS[s.type] ?? 'hotspot';
    const el = makeElement(kind, { x: s.x, y: s.y }, s.label, { id: ids[i]! });
    if (el.kind === 'boundedContext') {
      if (s.w !== undefined) el.width = s.w;
      if (s.h !== undefined) el.height = s.h;
    }
    return el;
  });
  const kindOf = new Map(elements.map((e) => [e.id, e.kind]));
  let anyFreeForm = false;
  const links: BoardLink[] = doc.arrows.map((a, i) => {
    const source = elementId(a.from);
    const target = elementId(a.to);
    const sk = kindOf.get(source);
    const tk = kindOf.get(target);
    // The prototype drew any arrow; keep the off-grammar ones as free-form rather than drop them.
    const freeForm = sk !== undefined && tk !== undefined && !checkLink(sk, tk).allowed;
    anyFreeForm ||= freeForm;
    return { id: `link:v0-${i}`, source, target, freeForm };
  });
  return {
    version: 1,
    id: `board:v0-${hashString(JSON.stringify(input)).toString(36)}`,
    name: doc.title,
    settings: { ...DEFAULT_SETTINGS, allowFreeFormLinks: anyFreeForm },
    elements,
    links,
  };
}

/**
 * Version 2 adds rules and scenarios (optional on commands, policies, aggregates and read
 * models); a version-1 board has none and is otherwise the same shape. The version moves so
 * that an older Stormbench refuses a board with rules instead of dropping them.
 */
function v1ToV2(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return { ...(input as Record<string, unknown>), version: 2 };
}

export const MIGRATIONS: readonly Migration[] = [
  { from: 0, to: 1, description: 'prototype stickies/arrows to versioned elements/links', migrate: v0ToV1 },
  { from: 1, to: 2, description: 'rules and scenarios on stickies (none in a version-1 board)', migrate: v1ToV2 },
];

/** Versions parseBoard can read: 0 up to the current one, each reachable by MIGRATIONS. */
export const KNOWN_VERSIONS: readonly number[] = [0, ...MIGRATIONS.map((m) => m.to)];

/** Runs every migration from `version` up to BOARD_VERSION. */
export function migrateToCurrent(doc: unknown, version: number): unknown {
  let current = doc;
  let v = version;
  while (v < BOARD_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new RangeError(`no migration from board version ${v}`);
    current = step.migrate(current);
    v = step.to;
  }
  return current;
}
