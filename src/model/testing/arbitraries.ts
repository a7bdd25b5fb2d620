// fast-check generators of valid boards for the property tests: any kinds, unicode text,
// nested contexts (parents always earlier, so never cyclic), grammatical and free-form links.
import fc from 'fast-check';
import { checkLink } from '../grammar';
import type { Board, BoardElement, BoardLink, ElementId, PayloadField } from '../types';
import { BOARD_VERSION, ELEMENT_KINDS, FIELD_TYPES } from '../types';

// JSON has no negative zero, so a board holding -0 reads back as 0: keep it out of generators.
const coord = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const text = fc.string({ maxLength: 30, unit: 'grapheme' });

const field: fc.Arbitrary<PayloadField> = fc
  .record({
    name: fc.string({ maxLength: 12 }),
    type: fc.constantFrom(...FIELD_TYPES),
    optional: fc.boolean(),
    doc: text,
    symbols: fc.option(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), { nil: undefined }),
    precision: fc.option(fc.integer({ min: 1, max: 38 }), { nil: undefined }),
    scale: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as PayloadField);

const elementBody = fc.record({
  kind: fc.constantFrom(...ELEMENT_KINDS),
  text,
  description: text,
  x: coord,
  y: coord,
  fields: fc.array(field, { maxLength: 3 }),
  idField: fc.string({ maxLength: 10 }),
  stream: fc.record({
    partitions: fc.integer({ min: 1, max: 1000 }),
    replicationFactor: fc.integer({ min: 1, max: 9 }),
    cleanupPolicy: fc.constantFrom('delete' as const, 'compact' as const),
    retentionMs: fc.integer({ min: -1, max: 2 ** 40 }),
  }),
  width: fc.double({ min: 1, max: 5000, noNaN: true }),
  height: fc.double({ min: 1, max: 5000, noNaN: true }),
  serviceName: fc.string({ maxLength: 10 }),
  instances: fc.integer({ min: 1, max: 100 }),
  parentPick: fc.nat(),
  hasParent: fc.boolean(),
});

type Body = typeof elementBody extends fc.Arbitrary<infer T> ? T : never;

function toElement(b: Body, id: ElementId, earlierContexts: ElementId[]): BoardElement {
  const base = { id, text: b.text, description: b.description, x: b.x, y: b.y };
  const parentId = b.hasParent && earlierContexts.length > 0 ? earlierContexts[b.parentPick % earlierContexts.length] : undefined;
  const withParent = parentId ? { ...base, parentId } : base;
  switch (b.kind) {
    case 'event':
    case 'command':
      return { kind: b.kind, ...withParent, fields: b.fields };
    case 'aggregate':
      return { kind: b.kind, ...withParent, idField: b.idField, stream: b.stream };
    case 'boundedContext':
      return { kind: b.kind, ...withParent, width: b.width, height: b.height, serviceName: b.serviceName, instances: b.instances };
    default:
      return { kind: b.kind, ...withParent };
  }
}

export function elementsArb(maxLength = 12): fc.Arbitrary<BoardElement[]> {
  return fc
    .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 0, maxLength })
    .chain((ids) => fc.tuple(fc.constant(ids), fc.array(elementBody, { minLength: ids.length, maxLength: ids.length })))
    .map(([ids, bodies]) => {
      const contexts: ElementId[] = [];
      return bodies.map((b, i) => {
        const el = toElement(b, `el:${ids[i]}` as ElementId, contexts);
        if (el.kind === 'boundedContext') contexts.push(el.id);
        return el;
      });
    });
}

export const boardArb: fc.Arbitrary<Board> = elementsArb()
  .chain((elements) =>
    fc.tuple(
      fc.constant(elements),
      fc.uniqueArray(
        fc.record({
          s: fc.nat(),
          t: fc.nat(),
          freeForm: fc.boolean(),
          weight: fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
        }),
        { maxLength: 15, selector: (l) => `${l.s % Math.max(1, elements.length)}>${l.t % Math.max(1, elements.length)}` },
      ),
      fc.record({
        allowFreeFormLinks: fc.boolean(),
        topicStrategy: fc.constantFrom('perAggregateType' as const, 'perAggregateInstance' as const, 'sharedTopic' as const),
        snapToGrid: fc.boolean(),
      }),
      text,
      fc.stringMatching(/^[a-z0-9]{1,10}$/),
    ),
  )
  .map(([elements, rawLinks, settings, name, id]) => {
    const links: BoardLink[] = [];
    for (const [i, l] of rawLinks.entries()) {
      if (elements.length < 2) break;
      const s = elements[l.s % elements.length]!;
      const t = elements[l.t % elements.length]!;
      if (s.id === t.id) continue;
      const freeForm = l.freeForm || !checkLink(s.kind, t.kind).allowed;
      links.push({ id: `link:${i}`, source: s.id, target: t.id, freeForm, ...(l.weight !== undefined ? { weight: l.weight } : {}) });
    }
    return { version: BOARD_VERSION, id: `board:${id}` as const, name, settings, elements, links };
  });
