// Checks the shipped example boards (public/examples): they parse, follow the grammar, carry
// realistic payloads and are laid out as a readable left-to-right timeline.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteRect, indexById, type Rect } from './geometry';
import { checkLink } from './grammar';
import { namingHint } from './naming';
import { parseBoard } from './parseBoard';
import { serializeBoard } from './serializeBoard';
import type { Board, BoardElement } from './types';

const DIR = resolve(import.meta.dirname, '../../public/examples');
const index = JSON.parse(readFileSync(resolve(DIR, 'index.json'), 'utf8')) as Array<{ id: string; name: string; file: string }>;
const load = (file: string): { text: string; board: Board } => {
  const text = readFileSync(resolve(DIR, file), 'utf8');
  return { text, board: parseBoard(text) };
};
const byText = (board: Board, text: string): BoardElement[] => board.elements.filter((e) => e.text === text);
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('example index', () => {
  it('lists Banking and E-commerce by the names the "Open example" control shows', () => {
    expect(index).toEqual([
      { id: 'banking', name: 'Banking', file: 'banking.json' },
      { id: 'ecommerce', name: 'E-commerce', file: 'ecommerce.json' },
    ]);
  });
});

describe.each(index)('example $name', ({ name, file }) => {
  const { text, board } = load(file);
  const byId = indexById(board.elements);

  it('parses, is named like its index entry and is stored in serializeBoard form', () => {
    expect(board.name).toBe(name);
    expect(serializeBoard(board)).toBe(text);
  });

  it('has only grammatical links', () => {
    expect(board.links.length).toBeGreaterThan(10);
    for (const link of board.links) {
      const s = byId.get(link.source)!;
      const t = byId.get(link.target)!;
      expect(link.freeForm).toBe(false);
      expect(checkLink(s.kind, t.kind).allowed, `${s.text} → ${t.text}`).toBe(true);
    }
  });

  it('names events in the past tense and commands in the imperative', () => {
    for (const el of board.elements) expect(namingHint(el.kind, el.text), `${el.kind} "${el.text}"`).toBeUndefined();
  });

  it('puts each event produced by an aggregate under that aggregate id field', () => {
    let checked = 0;
    for (const link of board.links) {
      const s = byId.get(link.source)!;
      const t = byId.get(link.target)!;
      if (s.kind !== 'aggregate' || t.kind !== 'event') continue;
      expect(t.fields.map((f) => f.name), `${t.text} carries ${s.idField}`).toContain(s.idField);
      expect(t.fields.find((f) => f.name === s.idField)!.optional).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('gives every event and command a payload, with money as decimals and enums with symbols', () => {
    for (const el of board.elements) {
      if (el.kind !== 'event' && el.kind !== 'command') continue;
      expect(el.fields.length, el.text).toBeGreaterThan(0);
      for (const f of el.fields) {
        if (/amount|balance|fee|total/i.test(f.name)) expect(f.type, `${el.text}.${f.name}`).toBe('decimal');
        if (f.type === 'enum') expect(f.symbols?.length).toBeGreaterThan(0);
      }
      expect(new Set(el.fields.map((f) => f.name)).size).toBe(el.fields.length);
    }
  });

  it('keeps same-named aggregates identical in id field and stream settings', () => {
    const aggregates = board.elements.filter((e) => e.kind === 'aggregate');
    for (const a of aggregates)
      for (const b of aggregates) if (a.text === b.text) expect([a.idField, a.stream]).toEqual([b.idField, b.stream]);
  });

  it('lays stickies out inside their contexts, without overlaps, flowing left to right', () => {
    const stickies = board.elements.filter((e) => e.kind !== 'boundedContext');
    const rects = new Map(stickies.map((e) => [e.id, absoluteRect(e, byId)]));
    for (const el of stickies) {
      const r = rects.get(el.id)!;
      if (el.parentId) {
        const ctx = absoluteRect(byId.get(el.parentId)!, byId);
        expect(r.x >= ctx.x && r.y >= ctx.y && r.x + r.width <= ctx.x + ctx.width && r.y + r.height <= ctx.y + ctx.height, `${el.text} inside its context`).toBe(true);
      }
      for (const other of stickies) if (other !== el) expect(overlap(r, rects.get(other.id)!), `${el.text} / ${other.text}`).toBe(false);
    }
    // Flow order: along command → handler → event → policy chains, x grows.
    for (const link of board.links) {
      const s = byId.get(link.source)!;
      const t = byId.get(link.target)!;
      if (s.kind === 'readModel' || s.kind === 'hotspot' || t.kind === 'readModel') continue;
      if (s.kind === 'policy' || t.kind === 'policy' || s.kind === 'command' || t.kind === 'event')
        expect(rects.get(t.id)!.x, `${s.text} → ${t.text}`).toBeGreaterThan(rects.get(s.id)!.x);
    }
    const contexts = board.elements.filter((e) => e.kind === 'boundedContext').map((c) => absoluteRect(c, byId));
    contexts.forEach((a, i) => contexts.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
  });

  it('weights alternative outcomes, the unhappy one lower', () => {
    const weighted = board.links.filter((l) => l.weight !== undefined);
    expect(weighted).toHaveLength(2);
    const [happy, unhappy] = weighted.sort((a, b) => b.weight! - a.weight!);
    expect(happy!.weight).toBe(9);
    expect(unhappy!.weight).toBe(1);
    expect(happy!.source).toBe(unhappy!.source);
  });
});

describe('Banking', () => {
  const { board } = load('banking.json');
  it('has the story the issue tells', () => {
    for (const [text, kind] of [
      ['Open account', 'command'], ['Account opened', 'event'], ['Deposit money', 'command'], ['Money deposited', 'event'],
      ['Withdraw money', 'command'], ['Money withdrawn', 'event'], ['Withdrawal rejected', 'event'], ['Balance', 'readModel'],
      ['Customer', 'actor'], ['Account', 'aggregate'],
    ] as const) expect(byText(board, text).map((e) => e.kind), text).toContain(kind);
    expect(board.elements.some((e) => e.kind === 'policy' && /overdraft/i.test(`${e.text} ${e.description}`))).toBe(true);
    const account = byText(board, 'Account')[0]!;
    expect(account).toMatchObject({ idField: 'accountId', stream: { retentionMs: -1 } });
    const rejected = byText(board, 'Withdrawal rejected')[0]!;
    const withdrawn = byText(board, 'Money withdrawn')[0]!;
    expect(board.links.find((l) => l.target === rejected.id)!.weight).toBe(1);
    expect(board.links.find((l) => l.target === withdrawn.id && byText(board, 'Account').some((a) => a.id === l.source))!.weight).toBe(9);
  });
});

describe('E-commerce', () => {
  const { board } = load('ecommerce.json');
  it('has the Order, Payment and Shipping contexts and the story the issue tells', () => {
    const contexts = board.elements.filter((e) => e.kind === 'boundedContext');
    expect(contexts.map((c) => c.text)).toEqual(['Order', 'Payment', 'Shipping']);
    const inContext = (text: string, ctx: string) => {
      const el = byText(board, text)[0]!;
      expect(el.parentId, `${text} in ${ctx}`).toBe(contexts.find((c) => c.text === ctx)!.id);
      return el;
    };
    const placeOrder = inContext('Place order', 'Order');
    const orderPlaced = inContext('Order placed', 'Order');
    const paymentPolicy = board.elements.find((e) => e.kind === 'policy' && e.parentId === contexts[1]!.id)!;
    const charge = inContext('Charge payment', 'Payment');
    const provider = inContext('Payment provider', 'Payment');
    const succeeded = inContext('Payment succeeded', 'Payment');
    inContext('Payment failed', 'Payment');
    const ship = inContext('Ship order', 'Shipping');
    const shipped = inContext('Order shipped', 'Shipping');
    expect(provider.kind).toBe('externalSystem');
    expect(byText(board, 'Order status')[0]!.kind).toBe('readModel');
    const linked = (a: BoardElement, b: BoardElement) => board.links.some((l) => l.source === a.id && l.target === b.id);
    expect(placeOrder.kind).toBe('command');
    expect(linked(orderPlaced, paymentPolicy)).toBe(true);
    expect(linked(paymentPolicy, charge)).toBe(true);
    expect(linked(charge, provider)).toBe(true);
    expect(linked(provider, succeeded)).toBe(true);
    const shippingPolicy = board.links.filter((l) => l.source === succeeded.id).map((l) => board.elements.find((e) => e.id === l.target)!).find((e) => e.kind === 'policy')!;
    expect(linked(shippingPolicy, ship)).toBe(true);
    expect(board.links.some((l) => l.target === shipped.id)).toBe(true);
  });
});
