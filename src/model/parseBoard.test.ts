import { describe, expect, it } from 'vitest';
import { BoardParseError } from './errors';
import { MAX_BOARD_JSON_CHARS, parseBoard } from './parseBoard';
import { serializeBoard } from './serializeBoard';
import { smallBoard } from './testing/smallBoard';

function problemOf(input: unknown): BoardParseError {
  try {
    parseBoard(input);
  } catch (e) {
    expect(e).toBeInstanceOf(BoardParseError);
    return e as BoardParseError;
  }
  throw new Error('parseBoard accepted the input');
}

function mutated(fn: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(serializeBoard(smallBoard()));
  fn(doc);
  return JSON.stringify(doc);
}

describe('parseBoard', () => {
  it('accepts a valid board as text or as a value', () => {
    const board = smallBoard();
    expect(parseBoard(serializeBoard(board))).toEqual(board);
    expect(parseBoard(structuredClone(board))).toEqual(board);
  });

  it('says where a kind is wrong and which kinds exist', () => {
    const e = problemOf(mutated((d) => (d.elements[3].kind = 'sticky')));
    expect(e.message).toMatch(/elements\[3\]\.kind: expected one of "event", "command"/);
  });

  it('names a link to a missing sticky', () => {
    const e = problemOf(mutated((d) => (d.links[2].target = 'el:abc')));
    expect(e.message).toContain('links[2].target: no sticky with id el:abc');
  });

  it('names wrong types, missing fields and unknown fields', () => {
    expect(problemOf(mutated((d) => (d.elements[0].x = 'left'))).message).toMatch(/elements\[0\]\.x: expected number, got string/);
    expect(problemOf(mutated((d) => delete d.name)).message).toMatch(/name: missing \(expected string\)/);
    expect(problemOf(mutated((d) => (d.elements[1].colour = 'red'))).message).toMatch(/elements\[1\]: unknown field "colour"/);
    expect(problemOf(mutated((d) => (d.elements[3].stream.partitions = 5000))).message).toMatch(/elements\[3\]\.stream\.partitions/);
  });

  it('refuses duplicate ids, parents that are not contexts, and context cycles', () => {
    expect(problemOf(mutated((d) => (d.elements[2].id = d.elements[1].id))).message).toMatch(/elements\[2\]\.id: .* is used by another sticky/);
    expect(problemOf(mutated((d) => (d.elements[5].parentId = d.elements[1].id))).message).toMatch(/is an actor, not a bounded context/);
    const cycle = problemOf(
      mutated((d) => {
        d.elements.push({ ...d.elements[0], id: 'el:ctx2', parentId: d.elements[0].id });
        d.elements[0].parentId = 'el:ctx2';
      }),
    );
    expect(cycle.message).toMatch(/cycle/);
  });

  it('refuses a link outside the grammar unless it is marked free-form', () => {
    const reversed = mutated((d) => ([d.links[0].source, d.links[0].target] = [d.links[0].target, d.links[0].source]));
    expect(problemOf(reversed).message).toMatch(/links\[0\]: outside the grammar .*A command is handled by/);
    const marked = mutated((d) => {
      [d.links[0].source, d.links[0].target] = [d.links[0].target, d.links[0].source];
      d.links[0].freeForm = true;
    });
    expect(parseBoard(marked).links[0]!.freeForm).toBe(true);
  });

  it('refuses unknown and newer versions clearly', () => {
    expect(problemOf(mutated((d) => (d.version = 99))).message).toMatch(/version: 99 was written by a newer Stormbench; this one reads board versions up to 2/);
    expect(problemOf(mutated((d) => (d.version = -3))).message).toMatch(/unknown board version -3/);
    expect(problemOf(mutated((d) => (d.version = '1'))).code).toBe('BOARD_VERSION');
    expect(problemOf(mutated((d) => delete d.version)).message).toMatch(/version: missing/);
  });

  it('refuses text that is not JSON, and values that are not objects', () => {
    expect(problemOf('{"version": 1,').code).toBe('BOARD_NOT_JSON');
    expect(problemOf('[1,2]').message).toMatch(/expected a board object, got an array/);
    expect(problemOf(null).message).toMatch(/got null/);
    expect(problemOf(42).message).toMatch(/got number/);
  });

  it('refuses a huge input quickly, before parsing it', () => {
    const huge = ' '.repeat(MAX_BOARD_JSON_CHARS + 1);
    const started = performance.now();
    expect(problemOf(huge).code).toBe('BOARD_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(50);
    const many = { version: 1, elements: new Array(50_000).fill(0), links: [] };
    expect(problemOf(many).message).toMatch(/at most 20000/);
  });

  it('refuses ids outside the safe alphabet (quotes and angle brackets broke connecting)', () => {
    for (const bad of ['el:a"b', "el:a'b", 'el:<x>', 'el:a b', 'el:a\\b', 'el:a]b', `el:${'x'.repeat(101)}`]) {
      const e = problemOf(mutated((d) => (d.elements[1].id = bad)));
      expect(e.message).toMatch(/elements\[1\]\.id: expected an id "el:" followed by 1 to 100 letters, digits, "-" or "_"/);
    }
    expect(problemOf(mutated((d) => (d.links[0].id = 'link:"'))).message).toMatch(/links\[0\]\.id: expected an id "link:"/);
    expect(problemOf(mutated((d) => (d.id = 'board:<script>'))).message).toMatch(/^[^]*id: expected an id "board:"/);
    expect(parseBoard(mutated((d) => (d.elements[5].id = 'el:Ok_id-9'))).elements[5]!.id).toBe('el:Ok_id-9');
  });

  it('refuses positions beyond ±10,000,000 and context sizes beyond 1,000,000', () => {
    expect(problemOf(mutated((d) => (d.elements[5].x = 1e308))).message).toMatch(/elements\[5\]\.x: a position must be between -10,000,000 and 10,000,000/);
    expect(problemOf(mutated((d) => (d.elements[5].y = -1e7 - 1))).message).toMatch(/elements\[5\]\.y: a position must be between/);
    expect(problemOf(mutated((d) => (d.elements[0].width = 1e308))).message).toMatch(/elements\[0\]\.width: a size must be at most 1,000,000/);
    expect(parseBoard(mutated((d) => (d.elements[5].x = -1e7))).elements[5]!.x).toBe(-1e7);
  });

  it('quotes at most about 80 characters of any value in its messages', () => {
    const mega = 'x'.repeat(1_000_000);
    const cases = [
      mutated((d) => (d.elements[1].id = `el:${mega}`)),
      mutated((d) => (d.links[0].target = `el:${mega}`)),
      mutated((d) => (d.elements[1].parentId = `el:${mega}`)),
      mutated((d) => (d.elements[1][mega] = 1)),
      mutated((d) => (d.version = mega)),
      mutated((d) => (d.elements[2].id = d.elements[1].id = `el:${'y'.repeat(100)}`)),
      `{"version": 1, "name": "${mega}`,
    ];
    for (const input of cases) {
      const e = problemOf(input);
      expect(e.message.length).toBeLessThan(600);
      for (const p of e.problems) expect(p.length).toBeLessThan(400);
    }
  });

  it('lists at most five problems and counts the rest', () => {
    const e = problemOf(mutated((d) => d.elements.forEach((el: Record<string, unknown>) => (el.x = null))));
    expect(e.problems).toHaveLength(6);
    expect(e.message).toMatch(/\(6 problems\).*and 1 more$/);
  });
});
