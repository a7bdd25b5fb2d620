// Every keyboard-reachable user action in one table: name, label, shortcuts, perform. The
// toolbar buttons call the same actions, so a shortcut and its button never drift apart.
// Only actions marked viewOnly run on a read-only board (presentation mode).
import { flowBridge } from '../../canvas/flowBridge';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  layoutSelectionAsTimeline,
  pasteClipboard,
  redo,
  selectAll,
  undo,
} from '../../store/boardCommands';
import { useFollowStore } from '../../store/followStore';
import { useUiStore } from '../../store/uiStore';
import type { Action } from './types';

export const ACTIONS = {
  deleteSelection: {
    name: 'board/deleteSelection',
    label: 'Delete',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    perform: () => {
      const ui = useUiStore.getState();
      if (ui.selectedElementIds.length === 0 && ui.selectedLinkIds.length === 0) return false;
      deleteSelection();
    },
  },
  undo: { name: 'history/undo', label: 'Undo', shortcuts: [{ key: 'z', mod: true }], perform: () => undo() },
  redo: {
    name: 'history/redo',
    label: 'Redo',
    shortcuts: [{ key: 'z', mod: true, shift: true }, { key: 'y', ctrl: true }],
    perform: () => redo(),
  },
  copy: { name: 'clipboard/copy', label: 'Copy', shortcuts: [{ key: 'c', mod: true }], viewOnly: true, perform: () => copySelection() },
  paste: { name: 'clipboard/paste', label: 'Paste', shortcuts: [{ key: 'v', mod: true }], perform: () => pasteClipboard() },
  duplicate: {
    name: 'board/duplicateSelection',
    label: 'Duplicate',
    shortcuts: [{ key: 'd', mod: true }],
    perform: () => duplicateSelection(),
  },
  selectAll: { name: 'selection/all', label: 'Select all', shortcuts: [{ key: 'a', mod: true }], perform: () => selectAll() },
  escape: {
    name: 'selection/clear',
    label: 'Clear selection',
    shortcuts: [{ key: 'Escape' }],
    viewOnly: true,
    // Esc also leaves presentation mode, and stops following someone's view.
    perform: () => {
      const follow = useFollowStore.getState();
      if (follow.presenting) return follow.leavePresentation();
      follow.stopFollowing();
      const ui = useUiStore.getState();
      ui.stopEditing();
      ui.setSelection([], []);
    },
  },
  present: {
    name: 'view/present',
    label: 'Presentation mode',
    shortcuts: [{ key: 'p', shift: true }],
    viewOnly: true,
    perform: () => {
      const follow = useFollowStore.getState();
      if (follow.presenting) follow.leavePresentation();
      else follow.present();
    },
  },
  editText: {
    name: 'sticky/editText',
    label: 'Edit text',
    shortcuts: [{ key: 'Enter' }],
    perform: () => {
      const ui = useUiStore.getState();
      const only = ui.selectedElementIds.length === 1 ? ui.selectedElementIds[0] : undefined;
      if (!only) return false;
      ui.startEditing(only);
    },
  },
  fitView: {
    name: 'view/fit',
    label: 'Fit view',
    shortcuts: [{ key: 'f', shift: true }],
    viewOnly: true,
    perform: () => {
      useFollowStore.getState().stopFollowing();
      flowBridge()?.fitView();
    },
  },
  focusInspector: {
    name: 'view/focusInspector',
    label: 'Go to the inspector',
    shortcuts: [{ key: 'i', shift: true }],
    // The inspector comes after every sticky in the tab order: this is the way there from the keyboard.
    perform: () => {
      const first = document.querySelector<HTMLElement>('aside[aria-label="Inspector"] :is(input, textarea, select, button):not([disabled]):not([aria-label="Hide inspector"])');
      if (!first) return false;
      first.focus();
    },
  },
  timeline: {
    name: 'layout/timeline',
    label: 'Lay out as timeline',
    shortcuts: [{ key: 't', shift: true }],
    perform: () => layoutSelectionAsTimeline(),
  },
} satisfies Record<string, Action>;

export type ActionName = keyof typeof ACTIONS;
