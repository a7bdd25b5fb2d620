// Property tests of the board model: serialisation round trips, undo of any operation
// sequence, and parseBoard's promise to throw nothing but BoardParseError.
import fc from 'fast-check';
import { hostileValue, lateThrowingProxy, thrownValue } from './testing/hostileValues';
import { smallBoard } from './testing/smallBoard';
import { describe, expect, it } from 'vitest';
import { createBoardDoc } from './boardDoc';
import type { BoardDoc } from './boardDocApi';
import { makeElement } from './elements';
import { BoardParseError } from './errors';
import { parseBoard } from './parseBoard';
import { serializeBoard } from './serializeBoard';
import { boardArb } from './testing/arbitraries';
import type { ElementId, LinkId } from './types';
import { ELEMENT_KINDS } from './types';
import { StormbenchError } from '../lib/errors';

// Generous: the machine is shared, and a property run is a few hundred cases.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('serializeBoard / parseBoard', () => {
  it('parse(serialize(board)) equals the board, and serialising again gives the same text', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const text = serializeBoard(board);
        const parsed = parseBoard(text);
        expect(parsed).toEqual(board);
        expect(serializeBoard(parsed)).toBe(text);
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('a live document built from any board gives that board back', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        expect(createBoardDoc(board).getBoard()).toEqual(board);
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

type Op = (doc: BoardDoc) => void;
/** Gives an operation a readable form, so a failing case prints what was done. */
const describeOp = (label: string, args: unknown, op: Op): Op => Object.assign(op, { toString: () => `${label}(${JSON.stringify(args)})` });
const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom(...ELEMENT_KINDS), x: fc.integer(), y: fc.integer(), text: fc.string(), n: fc.nat(), inside: fc.boolean() }).map((o) =>
    describeOp('add', o, (doc) => {
      const ctx = pick(doc.getBoard().elements.filter((e) => e.kind === 'boundedContext'), o.n);
      doc.addElements([makeElement(o.kind, { x: o.x, y: o.y }, o.text, o.inside && ctx ? { parentId: ctx.id } : {})]);
    }),
  ),
  fc.record({ n: fc.nat(), text: fc.string(), description: fc.string() }).map((o) =>
    describeOp('update', o, (doc) => {
      const el = pick(doc.getBoard().elements, o.n);
      if (el) doc.updateElement(el.id, { text: o.text, description: o.description });
    }),
  ),
  fc.record({ n: fc.nat(), m: fc.nat(), x: fc.integer(), y: fc.integer(), parent: fc.constantFrom('keep', 'leave', 'join') }).map((o) =>
    describeOp('move', o, (doc) => {
      const board = doc.getBoard();
      const el = pick(board.elements, o.n);
      const ctx = pick(board.elements.filter((e) => e.kind === 'boundedContext'), o.m);
      if (!el) return;
      const parentId = o.parent === 'leave' ? null : o.parent === 'join' && ctx ? ctx.id : undefined;
      doc.moveElements([{ id: el.id, x: o.x, y: o.y, ...(parentId !== undefined ? { parentId } : {}) }]);
    }),
  ),
  fc.record({ n: fc.nat(), m: fc.nat() }).map((o) =>
    describeOp('remove', o, (doc) => {
      const els = doc.getBoard().elements;
      const ids = [pick(els, o.n), pick(els, o.m)].filter((e) => e !== undefined).map((e) => e.id);
      doc.removeElements(ids as ElementId[]);
    }),
  ),
  fc.record({ n: fc.nat(), m: fc.nat(), id: fc.stringMatching(/^[a-z]{6}$/) }).map((o) =>
    describeOp('link', o, (doc) => {
      const els = doc.getBoard().elements;
      const s = pick(els, o.n);
      const t = pick(els, o.m);
      if (s && t) doc.addLink({ id: `link:${o.id}` as LinkId, source: s.id, target: t.id });
    }),
  ),
  fc.record({ n: fc.nat(), weight: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }).map((o) =>
    describeOp('weight', o, (doc) => {
      const link = pick(doc.getBoard().links, o.n);
      if (link) doc.updateLink(link.id, { weight: o.weight });
    }),
  ),
  fc.nat().map((n) =>
    describeOp('unlink', n, (doc) => {
      const link = pick(doc.getBoard().links, n);
      if (link) doc.removeLinks([link.id]);
    }),
  ),
  fc.boolean().map((b) => describeOp('settings', b, (doc) => doc.updateSettings({ allowFreeFormLinks: b, snapToGrid: !b }))),
  fc.string().map((name) => describeOp('rename', name, (doc) => doc.rename(name))),
);

const withGroups: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: opArb },
  {
    weight: 1,
    arbitrary: fc.array(opArb, { maxLength: 4 }).map((ops) =>
      describeOp('transact', ops.map(String), (doc) => doc.transact(() => ops.forEach((op) => op(doc)))),
    ),
  },
);

function apply(doc: BoardDoc, op: Op): void {
  try {
    op(doc);
  } catch (e) {
    // Refused operations (grammar, duplicates, cycles) are part of the game; anything else is a bug.
    if (!(e instanceof StormbenchError)) throw e;
  }
}

describe('undo and redo', () => {
  it('undoing every step of any operation sequence returns the initial board; redoing all returns the final one', () => {
    fc.assert(
      fc.property(boardArb, fc.array(withGroups, { maxLength: 25 }), (board, ops) => {
        const doc = createBoardDoc(board);
        for (const op of ops) apply(doc, op);
        const final = doc.getBoard();
        expect(parseBoard(serializeBoard(final))).toEqual(final);
        while (doc.canUndo()) doc.undo();
        expect(doc.getBoard()).toEqual(board);
        while (doc.canRedo()) doc.redo();
        expect(doc.getBoard()).toEqual(final);
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('parseBoard on hostile input', () => {
  const onlyParseErrors = (input: unknown) => {
    try {
      parseBoard(input);
    } catch (e) {
      if (!(e instanceof BoardParseError)) throw e;
      expect(e.message.length).toBeGreaterThan(0);
    }
  };

  it('throws nothing but BoardParseError for random JSON text and values', () => {
    fc.assert(fc.property(fc.json(), onlyParseErrors), { numRuns: 500 });
    fc.assert(fc.property(fc.anything(), onlyParseErrors), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), onlyParseErrors), { numRuns: 100 });
  }, PROPERTY_TIMEOUT_MS);

  it('throws nothing but BoardParseError for valid boards with one part replaced by random JSON', () => {
    fc.assert(
      fc.property(boardArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue(), (board, path, junk) => {
        const doc = JSON.parse(serializeBoard(board)) as unknown;
        let cursor = doc as Record<string, unknown>;
        for (const [i, step] of path.entries()) {
          const keys = Object.keys(cursor);
          if (keys.length === 0) break;
          const key = keys[step % keys.length]!;
          const next = cursor[key];
          if (i === path.length - 1 || typeof next !== 'object' || next === null) {
            cursor[key] = junk;
            break;
          }
          cursor = next as Record<string, unknown>;
        }
        onlyParseErrors(doc);
        onlyParseErrors(JSON.stringify(doc));
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('throws nothing but BoardParseError for any JavaScript value: BigInts, circular values, throwing getters, Proxies', () => {
    const board = JSON.parse(serializeBoard(smallBoard())) as Record<string, unknown>;
    fc.assert(fc.property(hostileValue, (h) => onlyParseErrors(h.make())), { numRuns: 500 });
    // The same values in place of any part of a valid board, the version included.
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), hostileValue, (path, junk) => {
        const doc = structuredClone(board);
        let cursor = doc;
        for (const [i, step] of path.entries()) {
          const keys = Object.keys(cursor);
          const key = keys[step % keys.length]!;
          const next = cursor[key];
          if (i === path.length - 1 || typeof next !== 'object' || next === null || Object.keys(next).length === 0) {
            cursor[key] = junk.make();
            break;
          }
          cursor = next as Record<string, unknown>;
        }
        onlyParseErrors(doc);
      }),
      { numRuns: 500 },
    );
    // A whole valid board behind a Proxy that starts throwing part-way through the read.
    fc.assert(
      fc.property(fc.nat({ max: 400 }), thrownValue, (after, what) => onlyParseErrors(lateThrowingProxy(structuredClone(board), after, what))),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
