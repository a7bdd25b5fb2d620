// The shape of a user action (excalidraw-style): a name for the history and the UI, the
// keyboard shortcuts that trigger it, when it applies, and what it does.
export interface Shortcut {
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  /** Ctrl only (Ctrl+Y is a Windows convention, also taken on macOS). */
  ctrl?: boolean;
}

export interface Action {
  name: string;
  label: string;
  shortcuts: Shortcut[];
  /** Changes nothing on the board, so it also runs on a read-only board (presentation mode). */
  viewOnly?: boolean;
  /** Runs the action; return false to let the key event continue (nothing to do). */
  perform(): boolean | void;
}
