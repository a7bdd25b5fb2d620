import { describe, expect, it } from 'vitest';
import { createBoardDoc } from './boardDoc';
import { makeElement } from './elements';
import { BoardOperationError, BoardParseError } from './errors';
import { MAX_CONTEXT_NESTING, nestingDepths } from './nesting';
import { parseBoard } from './parseBoard';
import { repairBoard } from './repairBoard';
import { serializeBoard } from './serializeBoard';
import { nestedContextsBoard } from './testing/nestedContexts';
import type { BoardElement, ElementId } from './types';

function parseError(input: unknown): BoardParseError {
  try {
    parseBoard(input);
  } catch (e) {
    expect(e).toBeInstanceOf(BoardParseError);
    return e as BoardParseError;
  }
  throw new Error('parseBoard accepted the input');
}

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('nestingDepths', () => {
  it('gives each element the number of contexts around it, and each cycle once', () => {
    // 0 <- 1 <- 2, 3 alone, 4 <-> 5 with 6 under 5.
    const parents = [-1, 0, 1, -1, 5, 4, 5];
    const { depth, cycles } = nestingDepths(parents.length, (i) => parents[i]!);
    expect(depth).toEqual([0, 1, 2, 0, -1, -1, -1]);
    expect(cycles).toEqual([[4, 5]]);
  });
});

describe('nested bounded contexts', () => {
  it(`accepts ${MAX_CONTEXT_NESTING} levels around a context and refuses one more, saying where and the limit`, () => {
    const deepest = nestedContextsBoard(MAX_CONTEXT_NESTING + 1);
    expect(parseBoard(serializeBoard(deepest)).elements).toHaveLength(MAX_CONTEXT_NESTING + 1);
    const e = parseError(serializeBoard(nestedContextsBoard(MAX_CONTEXT_NESTING + 2)));
    expect(e.problems).toEqual([
      `elements[${MAX_CONTEXT_NESTING + 1}].parentId: this sticky sits inside ${MAX_CONTEXT_NESTING + 1} nested bounded contexts; at most ${MAX_CONTEXT_NESTING} levels are allowed (and everything inside it is deeper still)`,
    ]);
  });

  it('refuses a 20,000-deep chain in linear time: one problem, in seconds where walking every chain took a minute', () => {
    const text = serializeBoard(nestedContextsBoard(20_000));
    let e: BoardParseError | undefined;
    // Walking every ancestor chain took about 60 s here for this file.
    const ms = timed(() => (e = parseError(text)));
    expect(e!.problems).toHaveLength(1);
    expect(e!.message).toMatch(/at most 32 levels/);
    expect(ms).toBeLessThan(5000);
  });

  it('repairs a 20,000-deep chain merged from elsewhere in linear time, leaving nothing deeper than the cap', () => {
    const { elements, links } = nestedContextsBoard(20_000);
    let out: ReturnType<typeof repairBoard> | undefined;
    const ms = timed(() => (out = repairBoard(elements, links)));
    expect(ms).toBeLessThan(5000);
    const byId = new Map(out!.elements.map((el) => [el.id, el]));
    let deepest = 0;
    for (const el of out!.elements) {
      let d = 0;
      for (let p = el.parentId; p !== undefined; p = byId.get(p)?.parentId) d++;
      deepest = Math.max(deepest, d);
    }
    expect(deepest).toBe(MAX_CONTEXT_NESTING);
    expect(out!.elements.filter((el) => el.parentId === undefined)).toHaveLength(Math.ceil(20_000 / (MAX_CONTEXT_NESTING + 1)));
  });

  it('a repaired cycle still cuts the first context in board order', () => {
    const a = makeElement('boundedContext', { x: 0, y: 0 }, 'A', { id: 'el:a' as ElementId, parentId: 'el:b' as ElementId });
    const b = makeElement('boundedContext', { x: 0, y: 0 }, 'B', { id: 'el:b' as ElementId, parentId: 'el:a' as ElementId });
    const out = repairBoard([a, b] as BoardElement[], []);
    expect(out.elements.map((el) => el.parentId)).toEqual([undefined, 'el:a']);
  });

  it('refuses a move or an edit that would nest deeper than the cap, counting the contexts inside the moved one', () => {
    const doc = createBoardDoc(nestedContextsBoard(MAX_CONTEXT_NESTING + 1));
    const loose = makeElement('boundedContext', { x: 5000, y: 0 }, 'Loose', { id: 'el:loose' as ElementId });
    const inner = makeElement('event', { x: 10, y: 10 }, 'Inside loose', { id: 'el:inner' as ElementId, parentId: loose.id });
    doc.addElements([loose, inner]);
    const deepest = `el:c${MAX_CONTEXT_NESTING}` as ElementId;
    const refused = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(BoardOperationError);
        return (e as BoardOperationError).code;
      }
      return 'accepted';
    };
    // Into the deepest context: the sticky inside "Loose" would be at depth 34.
    expect(refused(() => doc.moveElements([{ id: loose.id, x: 0, y: 0, parentId: deepest }]))).toBe('NESTED_TOO_DEEP');
    expect(refused(() => doc.updateElement(loose.id, { parentId: deepest }))).toBe('NESTED_TOO_DEEP');
    expect(refused(() => doc.addElements([makeElement('event', { x: 0, y: 0 }, 'x', { parentId: deepest })]))).toBe('NESTED_TOO_DEEP');
    // One level up is the limit exactly.
    expect(refused(() => doc.moveElements([{ id: inner.id, x: 0, y: 0, parentId: `el:c${MAX_CONTEXT_NESTING - 1}` as ElementId }]))).toBe('accepted');
    expect(doc.getBoard().elements.find((el) => el.id === loose.id)!.parentId).toBeUndefined();
  });
});
