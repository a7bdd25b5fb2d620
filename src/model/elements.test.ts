import { BOARD_VERSION } from './types';
import { describe, expect, it } from 'vitest';
import { createRng } from '../lib/rng';
import { createEmptyBoard, makeElement } from './elements';
import { elementSchema } from './schema';
import { DEFAULT_STREAM, ELEMENT_KINDS } from './types';

describe('factories', () => {
  it('makes a valid element of every kind', () => {
    for (const kind of ELEMENT_KINDS) {
      const el = makeElement(kind, { x: 3, y: 4 }, 'Text');
      expect(elementSchema.parse(el)).toEqual(el);
      expect(el).toMatchObject({ kind, x: 3, y: 4, text: 'Text', description: '' });
      expect(el.id).toMatch(/^el:[0-9a-z]{12}$/);
    }
  });

  it('gives aggregates an id field and their own copy of the default stream', () => {
    const agg = makeElement('aggregate', { x: 0, y: 0 });
    expect(agg.idField).toBe('id');
    expect(agg.stream).toEqual(DEFAULT_STREAM);
    expect(agg.stream).not.toBe(DEFAULT_STREAM);
  });

  it('gives bounded contexts a size and one instance', () => {
    expect(makeElement('boundedContext', { x: 0, y: 0 })).toMatchObject({ width: 640, height: 400, instances: 1, serviceName: '' });
  });

  it('makes reproducible ids from a seeded rng', () => {
    expect(createEmptyBoard('A', { rng: createRng(5) }).id).toBe(createEmptyBoard('A', { rng: createRng(5) }).id);
    const board = createEmptyBoard('A');
    expect(board).toMatchObject({ version: BOARD_VERSION, name: 'A', elements: [], links: [] });
  });
});
