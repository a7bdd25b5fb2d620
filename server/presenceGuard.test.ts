import { describe, expect, it } from 'vitest';
import { cleanPresence, cleanState, MAX_NAME_LENGTH } from './presenceGuard';

describe('presence guard', () => {
  it('keeps known fields with their types and drops the rest', () => {
    const state = cleanState({
      user: { name: '  Ada\u0000\nLovelace ', color: '#12abEF', isAdmin: true, facilitator: true, presenting: 'yes' },
      cursor: { x: 10, y: -4, extra: 1 },
      editing: 'el:abc123',
      view: { x: 1, y: 2, width: 800, height: 450, text: 'Order placed' },
      html: '<script>alert(1)</script>',
    });
    expect(state).toEqual({
      user: { name: 'Ada  Lovelace', color: '#12abEF', facilitator: true },
      cursor: { x: 10, y: -4 },
      editing: 'el:abc123',
      view: { x: 1, y: 2, width: 800, height: 450 },
    });
    expect(cleanState({ user: { name: 'P', color: '#000000', presenting: true } })!.user).toEqual({ name: 'P', color: '#000000', presenting: true });
  });

  it('bounds names, replaces odd colours, positions and ids', () => {
    const state = cleanState({ user: { name: 'x'.repeat(500), color: 'red; background:url(x)' }, cursor: { x: Infinity, y: 1 }, editing: '<img src=x>', view: { x: 0, y: 0, width: -1, height: 10 } });
    expect((state!.user as { name: string }).name).toHaveLength(MAX_NAME_LENGTH);
    expect((state!.user as { color: string }).color).toBe('#888888');
    expect(state!.cursor).toBeNull();
    expect(state!.editing).toBeNull();
    expect(state!.view).toBeNull();
    expect(cleanState({ user: { name: 42 } })!.user).toEqual({ name: 'Guest', color: '#888888' });
  });

  it('passes a leaving participant (null) and turns garbage into leaving', () => {
    const states = new Map<number, unknown>([
      [1, null],
      [2, 'not an object'],
      [3, { user: { name: 'Bo', color: '#000000' } }],
    ]);
    cleanPresence(states);
    expect(states.get(1)).toBeNull();
    expect(states.get(2)).toBeNull();
    expect(states.get(3)).toEqual({ user: { name: 'Bo', color: '#000000' }, cursor: null, editing: null });
  });
});
