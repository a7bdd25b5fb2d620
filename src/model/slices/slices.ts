// Event Modeling-style interchange of a board's behaviour: one slice per command (state change),
// read model (state view) and policy (automation), each with the events it touches, its rules and
// its Given-When-Then scenarios as plain data, plus the aggregates' state. Stickies are named by
// id and text, so a document read back onto the board it came from restores every rule and
// scenario exactly (importSlices ∘ exportSlices is the identity on them); the format is in
// docs/model.md ("Slices").
import { z } from 'zod';
import { BoardParseError } from '../errors';
import { describeIssue } from '../parseBoard';
import { computedFieldSchema, elementIdSchema, fieldExprSchema, outcomeRuleSchema, scenarioSchema } from '../schema';
import type { Board, BoardElement, ComputedField, ElementId, OutcomeRule, PayloadField, Scenario } from '../types';

export const SLICES_FORMAT = 'stormbench-slices';
export const SLICES_VERSION = 1;

const ref = z.strictObject({ id: elementIdSchema, name: z.string() });
const message = ref.extend({ fields: z.array(z.strictObject({ name: z.string(), type: z.string() })) });

const stateChange = z.strictObject({
  type: z.literal('stateChange'),
  command: message,
  aggregate: ref.nullable(),
  events: z.array(message),
  outcomes: z.array(outcomeRuleSchema).nullable(),
  scenarios: z.array(scenarioSchema),
});
const stateView = z.strictObject({
  type: z.literal('stateView'),
  readModel: ref,
  events: z.array(ref),
  columns: z.array(computedFieldSchema).nullable(),
  scenarios: z.array(scenarioSchema),
});
const automation = z.strictObject({
  type: z.literal('automation'),
  policy: ref,
  triggers: z.array(ref),
  commands: z.array(ref),
  when: z.string().nullable(),
  scenarios: z.array(scenarioSchema),
});

export const slicesSchema = z.strictObject({
  format: z.literal(SLICES_FORMAT),
  version: z.literal(SLICES_VERSION),
  board: z.strictObject({ id: z.string(), name: z.string() }),
  aggregates: z.array(z.strictObject({ stickies: z.array(ref), state: z.array(computedFieldSchema).nullable() })),
  slices: z.array(z.discriminatedUnion('type', [stateChange, stateView, automation])),
});
export type SlicesDocument = z.output<typeof slicesSchema>;
void fieldExprSchema;

const refOf = (el: BoardElement) => ({ id: el.id, name: el.text });
const fieldsOf = (fields: readonly PayloadField[]) => fields.map((f) => ({ name: f.name, type: f.type }));

/** The board's behaviour as slices. Links say which events a command's aggregate leads to. */
export function exportSlices(board: Board): SlicesDocument {
  const byId = new Map(board.elements.map((e) => [e.id, e]));
  const targets = (id: ElementId, kind: BoardElement['kind']) => board.links.filter((l) => l.source === id && !l.freeForm).map((l) => byId.get(l.target)).filter((e): e is BoardElement => e?.kind === kind);
  const sources = (id: ElementId, kind: BoardElement['kind']) => board.links.filter((l) => l.target === id && !l.freeForm).map((l) => byId.get(l.source)).filter((e): e is BoardElement => e?.kind === kind);
  const slices: SlicesDocument['slices'] = [];
  for (const el of board.elements) {
    if (el.kind === 'command') {
      const agg = targets(el.id, 'aggregate')[0] ?? null;
      const events = agg ? targets(agg.id, 'event') : [];
      slices.push({
        type: 'stateChange',
        command: { ...refOf(el), fields: fieldsOf(el.fields) },
        aggregate: agg ? refOf(agg) : null,
        events: events.map((e) => ({ ...refOf(e), fields: e.kind === 'event' ? fieldsOf(e.fields) : [] })),
        outcomes: el.outcomes ?? null,
        scenarios: el.scenarios ?? [],
      });
    } else if (el.kind === 'readModel') {
      slices.push({ type: 'stateView', readModel: refOf(el), events: sources(el.id, 'event').map(refOf), columns: el.columns ?? null, scenarios: el.scenarios ?? [] });
    } else if (el.kind === 'policy') {
      slices.push({ type: 'automation', policy: refOf(el), triggers: sources(el.id, 'event').map(refOf), commands: targets(el.id, 'command').map(refOf), when: el.when ?? null, scenarios: el.scenarios ?? [] });
    }
  }
  const aggregates = board.elements.filter((e) => e.kind === 'aggregate').map((e) => ({ stickies: [refOf(e)], state: e.kind === 'aggregate' ? (e.state ?? null) : null }));
  return { format: SLICES_FORMAT, version: SLICES_VERSION, board: { id: board.id, name: board.name }, aggregates, slices };
}

export function serializeSlices(doc: SlicesDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What reading slices onto a board changes, per sticky: the patch for updateElement. */
export interface SlicePatch {
  id: ElementId;
  patch: { outcomes?: OutcomeRule[] | undefined; scenarios?: Scenario[] | undefined; columns?: ComputedField[] | undefined; state?: ComputedField[] | undefined; when?: string | undefined };
}

/**
 * Reads a slices document (text or value) and says how to put its rules and scenarios on
 * `board`: stickies are found by id, else by kind and text. Throws BoardParseError when the
 * document is not one, or names stickies the board does not have.
 */
export function importSlices(board: Board, input: unknown): SlicePatch[] {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new BoardParseError('This is not a slices file: it is not JSON', ['(file): not JSON'], 'SLICES_PARSE');
    }
  }
  const parsed = slicesSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => describeIssue(i, []).replace(/^\(board\)/, '(file)'));
    throw new BoardParseError(`This is not a valid slices file: ${problems.slice(0, 3).join('; ')}`, problems, 'SLICES_PARSE');
  }
  const doc = parsed.data;
  const missing: string[] = [];
  const find = (r: { id: ElementId; name: string }, kind: BoardElement['kind']): BoardElement | undefined => {
    const el = board.elements.find((e) => e.id === r.id && e.kind === kind) ?? board.elements.find((e) => e.kind === kind && e.text.trim() === r.name.trim());
    if (!el) missing.push(`${kind} "${r.name}" (${r.id})`);
    return el;
  };
  const patches: SlicePatch[] = [];
  const opt = <T>(list: T[] | null): T[] | undefined => (list && list.length > 0 ? list : undefined);
  for (const s of doc.slices) {
    if (s.type === 'stateChange') {
      const el = find(s.command, 'command');
      if (el) patches.push({ id: el.id, patch: { outcomes: opt(s.outcomes), scenarios: opt(s.scenarios) } });
    } else if (s.type === 'stateView') {
      const el = find(s.readModel, 'readModel');
      if (el) patches.push({ id: el.id, patch: { columns: opt(s.columns), scenarios: opt(s.scenarios) } });
    } else {
      const el = find(s.policy, 'policy');
      if (el) patches.push({ id: el.id, patch: { when: s.when ?? undefined, scenarios: opt(s.scenarios) } });
    }
  }
  for (const a of doc.aggregates) for (const r of a.stickies) {
    const el = find(r, 'aggregate');
    if (el) patches.push({ id: el.id, patch: { state: opt(a.state) } });
  }
  if (missing.length) throw new BoardParseError(`The slices name stickies this board does not have: ${missing.slice(0, 3).join(', ')}`, missing, 'SLICES_UNKNOWN_STICKY');
  return patches;
}

/** The board with the patches applied (what the live document does with updateElement). */
export function applySlicePatches(board: Board, patches: readonly SlicePatch[]): Board {
  const byId = new Map(patches.map((p) => [p.id, p.patch]));
  return {
    ...board,
    elements: board.elements.map((el) => {
      const patch = byId.get(el.id);
      if (!patch) return el;
      const next: Record<string, unknown> = { ...el };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      return next as unknown as BoardElement;
    }),
  };
}
