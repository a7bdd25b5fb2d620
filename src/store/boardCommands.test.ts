import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board, ElementId } from '../model';
import * as Y from 'yjs';
import { createBoardDoc, createEmptyBoard, makeElement, openBoardDoc, ydocOf } from '../model';
import {
  addSticky,
  canConnect,
  commitDrag,
  connect,
  copySelection,
  deleteSelection,
  duplicateSelection,
  layoutSelectionAsTimeline,
  moveIntoContext,
  pasteClipboard,
  redo,
  setTopicStrategy,
  undo,
} from './boardCommands';
import { useBoardStore } from './boardStore';
import { useUiStore } from './uiStore';

function open(board: Board) {
  const doc = createBoardDoc(board);
  useBoardStore.getState().attach(doc);
  return doc;
}

const board = () => useBoardStore.getState().board!;
const find = (text: string) => board().elements.find((e) => e.text === text)!;

describe('board commands', () => {
  let base: Board;
  beforeEach(() => {
    const ctx = makeElement('boundedContext', { x: 1000, y: 1000 }, 'Accounts');
    base = {
      ...createEmptyBoard('test'),
      elements: [
        makeElement('actor', { x: 0, y: 0 }, 'Customer'),
        makeElement('command', { x: 200, y: 0 }, 'Open account'),
        makeElement('event', { x: 400, y: 0 }, 'Account opened'),
        ctx,
      ],
    };
  });
  afterEach(() => {
    useBoardStore.getState().reset();
    useUiStore.getState().reset();
  });

  it('adds a sticky, selects it and opens its editor; a second one at the same spot goes beside it', () => {
    open(createEmptyBoard('empty'));
    const first = addSticky('event', { x: 0, y: 0 }, { avoidOverlap: true })!;
    expect(useUiStore.getState().editingId).toBe(first);
    expect(useUiStore.getState().selectedElementIds).toEqual([first]);
    const second = addSticky('event', { x: 0, y: 0 }, { avoidOverlap: true })!;
    const [a, b] = board().elements;
    expect(a!.id).toBe(first);
    expect(b!.id).toBe(second);
    expect(b!.x).toBeGreaterThanOrEqual(a!.x + 160);
  });

  it('adds a sticky inside the bounded context under its centre, relative to it', () => {
    open(base);
    const id = addSticky('aggregate', { x: 1100, y: 1100 })!;
    const added = board().elements.find((e) => e.id === id)!;
    expect(added.parentId).toBe(find('Accounts').id);
    expect({ x: added.x, y: added.y }).toEqual({ x: 100, y: 100 });
  });

  it('connects along the grammar and refuses other links unless the board allows free-form ones', () => {
    const doc = open(base);
    const actor = find('Customer').id;
    const command = find('Open account').id;
    const event = find('Account opened').id;
    expect(connect(actor, command)).not.toBeNull();
    expect(canConnect(actor, command)).toBe(false); // already connected
    expect(canConnect(actor, event)).toBe(false);
    expect(connect(actor, event)).toBeNull();
    expect(useUiStore.getState().notice?.message).toMatch(/An actor issues a command/);
    expect(board().links).toHaveLength(1);
    doc.updateSettings({ allowFreeFormLinks: true });
    expect(connect(actor, event)).not.toBeNull();
    expect(board().links.map((l) => l.freeForm)).toEqual([false, true]);
  });

  it('sets the topic strategy as one undo step; choosing the one in use records nothing', () => {
    const doc = open(base);
    expect(board().settings.topicStrategy).toBe('perAggregateType');
    setTopicStrategy('perAggregateType');
    expect(doc.canUndo()).toBe(false);
    setTopicStrategy('perAggregateInstance');
    expect(board().settings).toMatchObject({ topicStrategy: 'perAggregateInstance', allowFreeFormLinks: false, snapToGrid: true });
    setTopicStrategy('sharedTopic');
    expect(board().settings.topicStrategy).toBe('sharedTopic');
    undo();
    expect(board().settings.topicStrategy).toBe('perAggregateInstance');
    undo();
    expect(board().settings.topicStrategy).toBe('perAggregateType');
    expect(doc.canUndo()).toBe(false);
    redo();
    expect(board().settings.topicStrategy).toBe('perAggregateInstance');
  });

  it('a topic strategy chosen here reaches a collaborator’s copy of the board, as any edit does', () => {
    const doc = open(base);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydocOf(doc)));
    ydocOf(doc).on('update', (update: Uint8Array) => Y.applyUpdate(peer, update, 'peer'));
    setTopicStrategy('sharedTopic');
    expect(openBoardDoc(peer).getBoard().settings.topicStrategy).toBe('sharedTopic');
  });

  it('commits a drag once: into a context (relative position), then out again; each is one undo step', () => {
    open(base);
    const event = find('Account opened').id;
    commitDrag([{ id: event, x: 1050, y: 1060 }]);
    expect(find('Account opened')).toMatchObject({ parentId: find('Accounts').id, x: 50, y: 60 });
    commitDrag([{ id: event, x: 10, y: 500 }]);
    expect(find('Account opened').parentId).toBeUndefined();
    expect(find('Account opened')).toMatchObject({ x: 10, y: 500 });
    undo();
    expect(find('Account opened')).toMatchObject({ parentId: find('Accounts').id, x: 50, y: 60 });
    undo();
    expect(find('Account opened')).toMatchObject({ x: 400, y: 0 });
    redo();
    expect(find('Account opened').parentId).toBe(find('Accounts').id);
  });

  it('copies, pastes with fresh ids and an offset, duplicates, and deletes the selection', () => {
    open(base);
    const ids = [find('Customer').id, find('Open account').id];
    connect(ids[0]!, ids[1]!);
    useUiStore.getState().setSelection(ids, []);
    copySelection();
    pasteClipboard();
    expect(board().elements).toHaveLength(6);
    expect(board().links).toHaveLength(2);
    const pasted = useUiStore.getState().selectedElementIds;
    expect(pasted).toHaveLength(2);
    expect(pasted.some((id) => ids.includes(id as ElementId))).toBe(false);
    duplicateSelection();
    expect(board().elements).toHaveLength(8);
    deleteSelection();
    expect(board().elements).toHaveLength(6);
    expect(useUiStore.getState().selectedElementIds).toEqual([]);
  });

  it('ignores selected stickies that an undo removed', () => {
    open(createEmptyBoard('empty'));
    const id = addSticky('event', { x: 0, y: 0 })!;
    undo();
    useUiStore.getState().setSelection([id], []);
    expect(() => deleteSelection()).not.toThrow();
    expect(duplicateSelection()).toBe(false);
    redo();
    expect(board().elements).toHaveLength(1);
  });

  it('lays out a selection as a timeline in flow order', () => {
    open({
      ...base,
      elements: base.elements.map((e) => (e.text === 'Customer' ? { ...e, x: 900 } : e)),
    });
    connect(find('Customer').id, find('Open account').id);
    useUiStore.getState().setSelection([find('Open account').id, find('Customer').id], []);
    layoutSelectionAsTimeline();
    expect(find('Customer').x).toBeLessThan(find('Open account').x);
  });

  it('moves a sticky into a context at a free spot inside its frame, in one undo step', () => {
    const doc = open(base);
    const ctx = find('Accounts');
    moveIntoContext(find('Open account').id, ctx.id);
    moveIntoContext(find('Account opened').id, ctx.id);
    const a = find('Open account');
    const b = find('Account opened');
    expect(a.parentId).toBe(ctx.id);
    expect(b.parentId).toBe(ctx.id);
    for (const el of [a, b]) {
      expect(el.x).toBeGreaterThanOrEqual(0);
      expect(el.y).toBeGreaterThanOrEqual(0);
    }
    // Not on top of each other.
    expect(a.x !== b.x || a.y !== b.y).toBe(true);
    doc.undo();
    expect(find('Account opened').parentId).toBeUndefined();
    expect(find('Open account').parentId).toBe(ctx.id);
  });
});
