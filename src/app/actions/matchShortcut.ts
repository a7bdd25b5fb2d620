// Matches a keyboard event against an action's shortcuts, and tells whether the event comes
// from a place where typing must win (inputs, text areas, editable content, open dialogs).
import type { Shortcut } from './types';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchShortcut(event: KeyLike, shortcut: Shortcut, isMac: boolean): boolean {
  if (event.altKey) return false;
  if (event.key.toLowerCase() !== shortcut.key.toLowerCase()) return false;
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (shortcut.ctrl) {
    if (!event.ctrlKey || event.metaKey) return false;
  } else if (Boolean(shortcut.mod) !== mod) {
    return false;
  } else if (!isMac && event.metaKey) {
    return false;
  }
  return Boolean(shortcut.shift) === event.shiftKey;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select, [contenteditable="true"], dialog') !== null;
}
