// Text typed into a sticky reaches the document while it is typed, not only when editing ends:
// a draft write at most DRAFT_SAVE_MS after a keystroke (shown, saved and sent at once, but not
// an undo step), and the final text when the page is hidden or closed. Without this, a name
// typed without Enter was lost with the tab, leaving an empty sticky behind.
import { useEffect, useRef, type RefObject } from 'react';
import type { ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';

/** Longest time typed text waits before it is written to the document (and so saved). */
export const DRAFT_SAVE_MS = 300;

export interface TextDraft {
  /** Call on every input event. */
  onInput(): void;
  /** Writes the final text as one undo step from the text editing started with (or only reverts the drafts). */
  finish(value: string | null): void;
}

/**
 * Drafts for the editor in `ref`, which edits `id` starting from `original`. `onHide` runs when
 * the page is hidden or closed (the editor commits there).
 */
export function useTextDraft(ref: RefObject<HTMLTextAreaElement | null>, id: ElementId, original: string, onHide: () => void): TextDraft {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const drafted = useRef(false);
  // Drafts change the element, and so the text the editor is rendered with: keep the first.
  const start = useRef(original).current;
  const hide = useRef(onHide);
  hide.current = onHide;

  const writeDraft = () => {
    timer.current = null;
    const doc = useBoardStore.getState().doc;
    const value = ref.current?.value.trim();
    if (!doc || value === undefined) return;
    try {
      doc.draftElement(id, { text: value });
      drafted.current = true;
    } catch {
      // The sticky is gone (deleted elsewhere): nothing to keep the draft in.
    }
  };

  useEffect(() => {
    const onPageHide = () => hide.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hide.current();
    };
    // A closing page fires visibilitychange (hidden) before pagehide: a commit made on the first
    // is written out by the app's pagehide handler (flushNow), whichever listener runs first.
    window.addEventListener('pagehide', onPageHide, { capture: true });
    document.addEventListener('visibilitychange', onVisibility, { capture: true });
    return () => {
      window.removeEventListener('pagehide', onPageHide, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility, { capture: true });
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return {
    onInput() {
      timer.current ??= setTimeout(writeDraft, DRAFT_SAVE_MS);
    },
    finish(value) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const doc = useBoardStore.getState().doc;
      if (!doc) return;
      try {
        // Back to where editing started, so the final write is one undo step from there.
        if (drafted.current) doc.draftElement(id, { text: start });
        if (value !== null && value !== start) doc.updateElement(id, { text: value });
      } catch {
        // The sticky is gone (deleted elsewhere): nothing to write.
      }
    },
  };
}
