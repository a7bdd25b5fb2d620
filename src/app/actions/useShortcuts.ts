// Routes key presses to the action table. Typing in an input, text area or the sticky editor
// never triggers a shortcut, and a shortcut that finds nothing to do lets the key through. On a
// read-only board (presentation mode) an action that would edit is refused, with a word why.
import { useEffect } from 'react';
import { ACTIONS } from './actionTable';
import { isTypingTarget, matchShortcut } from './matchShortcut';
import type { Action } from './types';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

// A sticky was just added and its editor is not on screen yet: keep what is typed for it.
function captureTypeAhead(event: KeyboardEvent): boolean {
  const ui = useUiStore.getState();
  if (ui.editingId === null || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key.length === 1) {
    ui.typeAhead(event.key);
  } else if (event.key === 'Enter' && ui.typedAhead) {
    const text = ui.takeTypedAhead().trim();
    useBoardStore.getState().doc?.updateElement(ui.editingId, { text });
    ui.stopEditing();
  } else if (event.key === 'Escape') {
    ui.stopEditing();
  } else {
    return false;
  }
  event.preventDefault();
  return true;
}

export function useShortcuts(): void {
  useEffect(() => {
    // Keys meant for a sticky whose editor is not focused yet are taken first, in the capture
    // phase: the canvas's pan-on-Space handler (on window too, registered earlier) would
    // otherwise cancel a space before it reached us, and "D happened" became "Dhappened".
    const onKeyFirst = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (captureTypeAhead(event)) event.stopImmediatePropagation();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      // Enter and Space on a focused button press that button.
      if ((event.key === 'Enter' || event.key === ' ') && (event.target as Element | null)?.closest?.('button, a, label')) return;
      for (const action of Object.values(ACTIONS) as Action[]) {
        if (!action.shortcuts.some((s) => matchShortcut(event, s, isMac))) continue;
        if (useUiStore.getState().readOnly && !action.viewOnly) {
          event.preventDefault();
          useUiStore.getState().notify({ kind: 'info', message: `${action.label} is not possible here: presentation mode is read-only. Press Esc to leave it.` });
          return;
        }
        if (action.perform() === false) return;
        event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKeyFirst, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKeyFirst, true);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
