import { describe, expect, it } from 'vitest';
import type { Board } from '../model';
import { createEmptyBoard, indexById, makeElement } from '../model';
import { applySelection } from './applySelection';
import { syncEdges, syncNodes } from './syncFlow';

function board(): Board {
  const ctx = makeElement('boundedContext', { x: 0, y: 0 }, 'Ctx');
  const member = makeElement('event', { x: 10, y: 20 }, 'Inside', { parentId: ctx.id });
  const free = makeElement('command', { x: 500, y: 0 }, 'Outside');
  // The member comes first on purpose: React Flow needs the context before it.
  return {
    ...createEmptyBoard('b'),
    elements: [member, free, ctx],
    links: [{ id: 'link:1', source: free.id, target: member.id, freeForm: true }],
  };
}

describe('syncNodes / syncEdges', () => {
  it('orders nodes for reading (a context before its members) and declares sizes and handle anchors', () => {
    const b = board();
    const nodes = syncNodes(b, []);
    const texts = nodes.map((n) => n.data.element.text);
    expect(texts).toEqual(['Ctx', 'Inside', 'Outside']);
    const inside = nodes.find((n) => n.data.element.text === 'Inside')!;
    expect(inside.parentId).toBe(b.elements[2]!.id);
    expect(inside.measured).toEqual({ width: inside.width, height: inside.height });
    expect(inside.handles?.map((h) => h.type)).toEqual(['target', 'source']);
    expect(nodes.find((n) => n.data.element.text === 'Ctx')!.measured).toEqual({ width: 640, height: 400 });
  });

  it('keeps unchanged nodes and the whole array when nothing changed', () => {
    const b = board();
    const first = syncNodes(b, []);
    expect(syncNodes(b, first)).toBe(first);
    const edited: Board = { ...b, elements: b.elements.map((e) => (e.text === 'Outside' ? { ...e, text: 'Renamed' } : e)) };
    const second = syncNodes(edited, first);
    expect(second).not.toBe(first);
    const byText = (ns: typeof first, t: string) => ns.find((n) => n.data.element.text === t);
    expect(byText(second, 'Ctx')).toBe(byText(first, 'Ctx'));
    expect(byText(second, 'Inside')).toBe(byText(first, 'Inside'));
    expect(byText(second, 'Renamed')).toBeDefined();
  });

  it('keeps view state (selection) of a node whose element changed', () => {
    const b = board();
    const selected = applySelection(syncNodes(b, []), [b.elements[1]!.id]);
    const moved: Board = { ...b, elements: b.elements.map((e) => (e.text === 'Outside' ? { ...e, x: 600 } : e)) };
    const next = syncNodes(moved, selected).find((n) => n.data.element.text === 'Outside')!;
    expect(next.selected).toBe(true);
    expect(next.position).toEqual({ x: 600, y: 0 });
  });

  it('marks free-form links and reuses unchanged edges', () => {
    const b = board();
    const byId = indexById(b.elements);
    const edges = syncEdges(b, [], byId);
    expect(edges[0]).toMatchObject({ id: 'link:1', type: 'flow', data: { freeForm: true }, ariaLabel: 'Connection from Command “Outside” to Domain event “Inside”' });
    expect(syncEdges(b, edges, byId)).toBe(edges);
    const renamed = b.elements.map((e) => (e.text === 'Inside' ? { ...e, text: 'Renamed' } : e));
    expect(syncEdges({ ...b, elements: renamed }, edges, indexById(renamed))[0]!.ariaLabel).toBe('Connection from Command “Outside” to Domain event “Renamed”');
  });
});
