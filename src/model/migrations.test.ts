import { describe, expect, it } from 'vitest';
import { BoardParseError } from './errors';
import { KNOWN_VERSIONS, MIGRATIONS, migrateToCurrent } from './migrations';
import { parseBoard } from './parseBoard';
import { serializeBoard } from './serializeBoard';
import { smallBoard } from './testing/smallBoard';
import { BOARD_VERSION } from './types';

const prototype = {
  title: 'Prototype board',
  stickies: [
    { id: 'c1', type: 'context', label: 'Orders', x: 0, y: 0, w: 800, h: 300 },
    { id: 'a1', type: 'actor', label: 'Customer', x: 10, y: 10 },
    { id: 'k1', type: 'command', label: 'Place order', x: 200, y: 10 },
    { id: 's1', type: 'system', label: 'Shop', x: 400, y: 10 },
    { id: 'e1', type: 'domainEvent', label: 'Order placed', x: 600, y: 10 },
  ],
  arrows: [
    { from: 'a1', to: 'k1' },
    { from: 'k1', to: 's1' },
    { from: 's1', to: 'e1' },
    { from: 'e1', to: 'a1' },
  ],
};

describe('migrations', () => {
  it('form one chain from version 0 to the current version', () => {
    expect(KNOWN_VERSIONS[0]).toBe(0);
    expect(KNOWN_VERSIONS.at(-1)).toBe(BOARD_VERSION);
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      expect(m.from).toBe(i);
    });
  });

  it('v0 -> v1: renames kinds and fields, prefixes ids, keeps context sizes, fills defaults', () => {
    const board = parseBoard(prototype);
    expect(board.version).toBe(BOARD_VERSION);
    expect(board.name).toBe('Prototype board');
    expect(board.elements.map((e) => [e.id, e.kind, e.text])).toEqual([
      ['el:c1', 'boundedContext', 'Orders'],
      ['el:a1', 'actor', 'Customer'],
      ['el:k1', 'command', 'Place order'],
      ['el:s1', 'externalSystem', 'Shop'],
      ['el:e1', 'event', 'Order placed'],
    ]);
    expect(board.elements[0]).toMatchObject({ width: 800, height: 300, instances: 1, serviceName: '' });
    expect(board.elements[4]).toMatchObject({ fields: [], description: '' });
  });

  it('v1 -> v2: a board without rules keeps every element and link, and reads as version 2', () => {
    const v1 = JSON.parse(serializeBoard(smallBoard())) as Record<string, unknown>;
    v1['version'] = 1;
    const board = parseBoard(v1);
    expect(board.version).toBe(2);
    expect(serializeBoard(board)).toBe(serializeBoard(smallBoard()));
  });

  it('v0 -> v1: keeps arrows outside the grammar as free-form links and allows them on the board', () => {
    const board = parseBoard(prototype);
    expect(board.links.map((l) => l.freeForm)).toEqual([false, false, false, true]);
    expect(board.settings.allowFreeFormLinks).toBe(true);
    const tidy = parseBoard({ ...prototype, arrows: prototype.arrows.slice(0, 3) });
    expect(tidy.settings.allowFreeFormLinks).toBe(false);
  });

  it('v0 -> v1: gives the same board id for the same file', () => {
    expect(parseBoard(prototype).id).toBe(parseBoard(structuredClone(prototype)).id);
    expect(parseBoard({ ...prototype, title: 'Other' }).id).not.toBe(parseBoard(prototype).id);
  });

  it('v0: reports shape errors with their path', () => {
    const bad = { ...prototype, stickies: [{ ...prototype.stickies[0], type: 'note' }] };
    expect(() => parseBoard(bad)).toThrow(BoardParseError);
    expect(() => parseBoard(bad)).toThrow(/stickies\[0\]\.type: expected one of/);
    expect(() => parseBoard({ ...prototype, arrows: [{ from: 'a1', to: 'zz' }] })).toThrow(/links\[0\]\.target: no sticky with id el:zz/);
  });

  it('v0 -> v1: ids outside the safe alphabet get fresh ones and arrows follow them', () => {
    const odd = {
      title: 'Odd ids',
      stickies: [
        { id: 'a"1', type: 'actor', label: 'Customer', x: 0, y: 0 },
        { id: 'k<1>', type: 'command', label: 'Place order', x: 200, y: 0 },
        { id: 'el:v0-0', type: 'hotspot', label: 'Taken', x: 400, y: 0 },
      ],
      arrows: [{ from: 'a"1', to: 'k<1>' }],
    };
    const board = parseBoard(odd);
    expect(board.elements.map((e) => e.id)).toEqual(['el:v0-0', 'el:v0-1', 'el:v0-2']);
    expect(board.links[0]).toMatchObject({ source: 'el:v0-0', target: 'el:v0-1', freeForm: false });
  });

  it('migrateToCurrent leaves a current document alone', () => {
    const doc = { version: BOARD_VERSION };
    expect(migrateToCurrent(doc, BOARD_VERSION)).toBe(doc);
  });
});
