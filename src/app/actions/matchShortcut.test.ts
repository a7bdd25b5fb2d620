import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyLike } from './matchShortcut';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('matchShortcut', () => {
  it('maps the mod key to Ctrl off macOS and Cmd on macOS', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), { key: 'z', mod: true }, false)).toBe(true);
    expect(matchShortcut(key('z', { metaKey: true }), { key: 'z', mod: true }, false)).toBe(false);
    expect(matchShortcut(key('z', { metaKey: true }), { key: 'z', mod: true }, true)).toBe(true);
    expect(matchShortcut(key('z', { ctrlKey: true }), { key: 'z', mod: true }, true)).toBe(false);
  });

  it('tells undo from redo by Shift, and takes Ctrl+Y on any platform', () => {
    const redo = { key: 'z', mod: true, shift: true };
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), redo, false)).toBe(true);
    expect(matchShortcut(key('z', { ctrlKey: true }), redo, false)).toBe(false);
    expect(matchShortcut(key('y', { ctrlKey: true }), { key: 'y', ctrl: true }, true)).toBe(true);
    expect(matchShortcut(key('y', { metaKey: true }), { key: 'y', ctrl: true }, true)).toBe(false);
  });

  it('needs the exact modifiers: a plain key is not a Ctrl shortcut, Alt never matches', () => {
    expect(matchShortcut(key('Delete'), { key: 'Delete' }, false)).toBe(true);
    expect(matchShortcut(key('Delete', { ctrlKey: true }), { key: 'Delete' }, false)).toBe(false);
    expect(matchShortcut(key('c'), { key: 'c', mod: true }, false)).toBe(false);
    expect(matchShortcut(key('c', { ctrlKey: true, altKey: true }), { key: 'c', mod: true }, false)).toBe(false);
  });
});
