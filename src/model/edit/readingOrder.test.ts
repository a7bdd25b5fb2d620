import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeElement } from '../elements';
import { KIND_LABELS } from '../types';
import { parseBoard } from '../parseBoard';
import { nestedContextsBoard } from '../testing/nestedContexts';
import type { BoardElement, ElementId } from '../types';
import { lanesOf, readingOrder } from './readingOrder';

const banking = () => parseBoard(readFileSync(resolve(import.meta.dirname, '../../../public/examples/banking.json'), 'utf8'));
const names = (elements: readonly BoardElement[]) => elements.map((e) => `${KIND_LABELS[e.kind]}: ${e.text}`);

describe('readingOrder', () => {
  it('reads Banking context first, then lane by lane, each left to right', () => {
    const board = banking();
    expect(names(readingOrder(board.elements))).toEqual([
      'Bounded context: Accounts',
      'Command: Open account',
      'Aggregate: Account',
      'Domain event: Account opened',
      'Actor: Customer',
      'Command: Deposit money',
      'Aggregate: Account',
      'Domain event: Money deposited',
      'Read model: Balance',
      'Command: Withdraw money',
      'Aggregate: Account',
      'Domain event: Money withdrawn',
      'Policy: Whenever the balance goes below zero, charge an overdraft fee',
      'Command: Charge overdraft fee',
      'Aggregate: Account',
      'Domain event: Overdraft fee charged',
      'Domain event: Withdrawal rejected',
      'Hotspot: Who may raise an overdraft limit?',
    ]);
  });

  it('does not depend on the order of the board’s list', () => {
    const board = banking();
    const shuffled = [...board.elements].reverse();
    expect(readingOrder(shuffled).map((e) => e.id)).toEqual(readingOrder(board.elements).map((e) => e.id));
  });

  it('puts each context’s members right after it, contexts and loose stickies in reading order', () => {
    const left = makeElement('boundedContext', { x: 0, y: 0 }, 'Left', { id: 'el:left' as ElementId });
    const right = makeElement('boundedContext', { x: 1200, y: 20 }, 'Right', { id: 'el:right' as ElementId });
    const inRight = makeElement('event', { x: 40, y: 40 }, 'In right', { parentId: right.id });
    const inner = makeElement('boundedContext', { x: 300, y: 40 }, 'Inner', { parentId: left.id });
    const inInner = makeElement('event', { x: 10, y: 50 }, 'In inner', { parentId: inner.id });
    const inLeft = makeElement('event', { x: 40, y: 60 }, 'In left', { parentId: left.id });
    const loose = makeElement('hotspot', { x: 100, y: 2000 }, 'Loose');
    const order = readingOrder([loose, inInner, inRight, right, inner, inLeft, left]).map((e) => e.text);
    expect(order).toEqual(['Left', 'In left', 'Inner', 'In inner', 'Right', 'In right', 'Loose']);
  });

  it('keeps every element of contexts that contain each other, parents first where it can', () => {
    const a = makeElement('boundedContext', { x: 0, y: 0 }, 'A', { id: 'el:a' as ElementId, parentId: 'el:b' as ElementId });
    const b = makeElement('boundedContext', { x: 0, y: 0 }, 'B', { id: 'el:b' as ElementId, parentId: 'el:a' as ElementId });
    const c = makeElement('event', { x: 0, y: 0 }, 'C');
    expect(readingOrder([a, b, c]).map((e) => e.text)).toEqual(['C', 'A', 'B']);
  });

  it('walks a deep chain of contexts without recursion', () => {
    const { elements } = nestedContextsBoard(20_000);
    const order = readingOrder(elements);
    expect(order).toHaveLength(20_000);
    expect(order[0]!.id).toBe('el:c0');
    expect(order[19_999]!.id).toBe('el:c19999');
  });
});

describe('lanesOf', () => {
  it('groups stickies whose middles are within half a sticky, left to right', () => {
    const a = makeElement('event', { x: 300, y: 0 }, 'a');
    const b = makeElement('command', { x: 0, y: 50 }, 'b'); // middle 105 vs 55: within 55
    const c = makeElement('event', { x: 100, y: 120 }, 'c'); // middle 175: a new lane
    const d = makeElement('event', { x: 0, y: 175 }, 'd'); // 55 under c: a lane of its own
    expect(lanesOf([a, b, c, d]).map((lane) => lane.map((e) => e.text))).toEqual([['b', 'a'], ['c'], ['d']]);
  });

  it('reads a sticky beside a tall context with it, whichever starts higher', () => {
    const ctx = makeElement('boundedContext', { x: 0, y: 20 }, 'Ctx');
    const note = makeElement('hotspot', { x: 900, y: 0 }, 'Note');
    expect(lanesOf([note, ctx]).map((lane) => lane.map((e) => e.text))).toEqual([['Ctx', 'Note']]);
  });
});
