// Concurrent editing, property-based: two and three peers edit copies of one board and exchange
// updates in random interleavings. Every peer must end with the same valid board, and the
// conflicts a workshop meets — a context deleted while others move, add or type inside it —
// must lose no typing and make no sticky jump.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StormbenchError } from '../lib/errors';
import { createBoardDoc, openBoardDoc, ydocOf } from './boardDoc';
import type { BoardDoc } from './boardDocApi';
import { makeElement } from './elements';
import { absolutePosition, indexById } from './geometry';
import { parseBoard } from './parseBoard';
import { serializeBoard } from './serializeBoard';
import { byText, smallBoard } from './testing/smallBoard';
import type { Board, ElementId } from './types';
import { ELEMENT_KINDS } from './types';

const PROPERTY_TIMEOUT_MS = 120_000;

function peers(board: Board, n: number): BoardDoc[] {
  const first = createBoardDoc(board);
  const state = Y.encodeStateAsUpdate(ydocOf(first));
  const rest = Array.from({ length: n - 1 }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    return openBoardDoc(ydoc);
  });
  return [first, ...rest];
}

/** Sends what `from` has and `to` lacks, as a sync step does. */
function send(from: BoardDoc, to: BoardDoc): void {
  const target = ydocOf(to);
  Y.applyUpdate(target, Y.encodeStateAsUpdate(ydocOf(from), Y.encodeStateVector(target)), 'peer');
}

function syncAll(docs: BoardDoc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) send(a, b);
}

type Op = (doc: BoardDoc) => void;
const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);
const named = (label: string, args: unknown, op: Op): Op => Object.assign(op, { toString: () => `${label}(${JSON.stringify(args)})` });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom(...ELEMENT_KINDS), x: fc.integer({ min: -500, max: 2000 }), y: fc.integer({ min: -500, max: 2000 }), n: fc.nat(), inside: fc.boolean() }).map((o) =>
    named('add', o, (doc) => {
      const ctx = pick(doc.getBoard().elements.filter((e) => e.kind === 'boundedContext'), o.n);
      doc.addElements([makeElement(o.kind, { x: o.x, y: o.y }, 'new', o.inside && ctx ? { parentId: ctx.id } : {})]);
    }),
  ),
  fc.record({ n: fc.nat(), text: fc.string({ maxLength: 8 }) }).map((o) =>
    named('type', o, (doc) => {
      const el = pick(doc.getBoard().elements, o.n);
      if (el) doc.updateElement(el.id, { text: el.text + o.text });
    }),
  ),
  fc.record({ n: fc.nat(), m: fc.nat(), dx: fc.integer({ min: -300, max: 300 }), dy: fc.integer({ min: -300, max: 300 }), parent: fc.constantFrom('keep', 'leave', 'join') }).map((o) =>
    named('move', o, (doc) => {
      const board = doc.getBoard();
      const el = pick(board.elements, o.n);
      const ctx = pick(board.elements.filter((e) => e.kind === 'boundedContext'), o.m);
      if (!el) return;
      const parentId = o.parent === 'leave' ? null : o.parent === 'join' && ctx ? ctx.id : undefined;
      doc.moveElements([{ id: el.id, x: el.x + o.dx, y: el.y + o.dy, ...(parentId !== undefined ? { parentId } : {}) }]);
    }),
  ),
  fc.nat().map((n) =>
    named('remove', n, (doc) => {
      const el = pick(doc.getBoard().elements, n);
      if (el) doc.removeElements([el.id]);
    }),
  ),
  fc.nat().map((n) =>
    named('removeContext', n, (doc) => {
      const ctx = pick(doc.getBoard().elements.filter((e) => e.kind === 'boundedContext'), n);
      if (ctx) doc.removeElements([ctx.id]);
    }),
  ),
  fc.record({ n: fc.nat(), m: fc.nat() }).map((o) =>
    named('link', o, (doc) => {
      const els = doc.getBoard().elements;
      const s = pick(els, o.n);
      const t = pick(els, o.m);
      if (s && t) doc.addLink({ id: `link:${o.n}-${o.m}-${Math.random().toString(36).slice(2, 8)}` as never, source: s.id, target: t.id });
    }),
  ),
  fc.constant(named('undo', null, (doc) => doc.undo())),
  fc.constant(named('redo', null, (doc) => doc.redo())),
);

function apply(doc: BoardDoc, op: Op): void {
  try {
    op(doc);
  } catch (e) {
    if (!(e instanceof StormbenchError)) throw e;
  }
}

/** A step of an interleaving: a peer edits, or one peer's changes reach another. */
type Step = { edit: number; op: Op } | { from: number; to: number };
const stepsArb = (n: number) =>
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ edit: fc.nat({ max: n - 1 }), op: opArb }) },
      { weight: 1, arbitrary: fc.record({ from: fc.nat({ max: n - 1 }), to: fc.nat({ max: n - 1 }) }) },
    ) as fc.Arbitrary<Step>,
    { maxLength: 30 },
  );

function run(docs: BoardDoc[], steps: Step[]): void {
  for (const step of steps) {
    if ('edit' in step) apply(docs[step.edit]!, step.op);
    else if (step.from !== step.to) send(docs[step.from]!, docs[step.to]!);
  }
  syncAll(docs);
}

function expectConverged(docs: BoardDoc[]): void {
  const text = serializeBoard(docs[0]!.getBoard());
  for (const doc of docs.slice(1)) expect(serializeBoard(doc.getBoard())).toBe(text);
  // Valid: parseBoard checks parents, cycles, links and the schema.
  expect(parseBoard(text)).toEqual(docs[0]!.getBoard());
}

describe('concurrent edits converge', () => {
  for (const n of [2, 3]) {
    it(`${n} peers, random edits and random exchanges: every peer ends with the same valid board`, () => {
      fc.assert(
        fc.property(stepsArb(n), (steps) => {
          const docs = peers(smallBoard(), n);
          run(docs, steps);
          expectConverged(docs);
        }),
        { numRuns: 150 },
      );
    }, PROPERTY_TIMEOUT_MS);
  }
});

describe('a context deleted while others work inside it', () => {
  // Peer 0 deletes the "Orders" context; peers 1 and 2 concurrently move its members within it,
  // add stickies inside it and type into its members. Nobody moves the context itself.
  const insideOp = fc.oneof(
    fc.record({ n: fc.nat(), dx: fc.integer({ min: -200, max: 200 }), dy: fc.integer({ min: -200, max: 200 }) }).map((o) => ({ kind: 'move' as const, ...o })),
    fc.record({ x: fc.integer({ min: 0, max: 600 }), y: fc.integer({ min: 0, max: 400 }) }).map((o) => ({ kind: 'add' as const, ...o })),
    fc.record({ n: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }).map((o) => ({ kind: 'type' as const, ...o })),
  );

  const owner = (id: string) => 1 + ([...id].reduce((h, c) => h + c.charCodeAt(0), 0) % 2);

  it('no sticky jumps and no typing is lost, in any interleaving', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ peer: fc.constantFrom(1, 2), op: insideOp }), { maxLength: 12 }),
        fc.nat({ max: 12 }),
        fc.array(fc.record({ from: fc.nat({ max: 2 }), to: fc.nat({ max: 2 }), at: fc.nat({ max: 12 }) }), { maxLength: 6 }),
        (ops, deleteAt, exchanges) => {
          const docs = peers(smallBoard(), 3);
          const ctxId = byText(docs[0]!.getBoard(), 'Orders').id;
          // Where each sticky should end up on screen, and its text, as its editor last left it.
          const expected = new Map<ElementId, { x: number; y: number; text: string }>();
          const seed = docs[1]!.getBoard();
          const seedIndex = indexById(seed.elements);
          for (const el of seed.elements) if (el.id !== ctxId) expected.set(el.id, { ...absolutePosition(el, seedIndex), text: el.text });
          const exchange = (i: number) => {
            for (const e of exchanges) if (e.at === i && e.from !== e.to && (e.from === 0) === (e.to === 0)) send(docs[e.from]!, docs[e.to]!);
          };
          ops.forEach(({ peer, op }, i) => {
            if (i === deleteAt) docs[0]!.removeElements([ctxId]);
            exchange(i);
            const doc = docs[peer]!;
            const board = doc.getBoard();
            const index = indexById(board.elements);
            // Each sticky has one editor here: two people moving one sticky at once is a
            // different conflict (the last move wins), covered by the convergence properties.
            const members = board.elements.filter((e) => e.parentId === ctxId && owner(e.id) === peer);
            const ctx = index.get(ctxId);
            if (!ctx) return;
            if (op.kind === 'move') {
              const el = pick(members, op.n);
              if (!el) return;
              doc.moveElements([{ id: el.id, x: el.x + op.dx, y: el.y + op.dy }]);
              expected.get(el.id)!.x = ctx.x + el.x + op.dx;
              expected.get(el.id)!.y = ctx.y + el.y + op.dy;
            } else if (op.kind === 'add') {
              const el = makeElement('event', { x: op.x, y: op.y }, 'Added', { parentId: ctxId });
              doc.addElements([el]);
              expected.set(el.id, { x: ctx.x + op.x, y: ctx.y + op.y, text: 'Added' });
            } else {
              const el = pick(members, op.n);
              if (!el) return;
              doc.updateElement(el.id, { text: el.text + op.text });
              expected.get(el.id)!.text = el.text + op.text;
            }
          });
          if (deleteAt >= ops.length) docs[0]!.removeElements([ctxId]);
          syncAll(docs);
          expectConverged(docs);
          const final = docs[0]!.getBoard();
          const index = indexById(final.elements);
          expect(index.has(ctxId)).toBe(false);
          for (const [id, want] of expected) {
            const el = index.get(id);
            expect(el, `${id} survives`).toBeDefined();
            expect({ ...absolutePosition(el!, index), text: el!.text }).toEqual(want);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('undo of a deletion that raced a concurrent edit', () => {
  it('restores a valid sticky on every peer (found by the 3-peer property: move, delete, exchange, undo)', () => {
    const docs = peers(smallBoard(), 2);
    const note = byText(docs[1]!.getBoard(), 'Who pays shipping?');
    docs[1]!.moveElements([{ id: note.id, x: note.x, y: note.y - 1 }]);
    docs[0]!.removeElements([note.id]);
    send(docs[1]!, docs[0]!);
    docs[0]!.undo();
    syncAll(docs);
    expectConverged(docs);
    expect(byText(docs[0]!.getBoard(), 'Who pays shipping?')).toBeDefined();
  });
});
