// In-place text editor of a sticky: Enter finishes, Shift+Enter adds a line, Escape cancels.
// The text is one undo step when editing ends; drafts keep it safe meanwhile (useTextDraft).
import { useEffect, useRef } from 'react';
import type { ElementId } from '../../model';
import { useUiStore } from '../../store/uiStore';
import { useTextDraft } from './useTextDraft';

export function StickyEditor({ id, text, label }: { id: ElementId; text: string; label: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ahead = useUiStore.getState().takeTypedAhead();
    el.focus({ preventScroll: true });
    if (ahead) {
      el.value += ahead;
      draft.onInput();
      el.setSelectionRange(el.value.length, el.value.length);
    } else {
      el.select();
    }
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    draft.finish(commit ? (ref.current?.value.trim() ?? text) : null);
    useUiStore.getState().stopEditing();
  };
  const draft = useTextDraft(ref, id, text, () => finish(true));
  // Finished from the keyboard: the sticky itself keeps the focus (not the page), so Tab goes on
  // from it. Unless another sticky's editor opened before that frame (a quick double click or
  // add): taking the focus from it would end that edit at once.
  const finishByKey = (commit: boolean) => {
    finish(commit);
    requestAnimationFrame(() => {
      if (useUiStore.getState().editingId !== null) return;
      document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
    });
  };

  return (
    <textarea
      ref={ref}
      className="sb-editor nodrag nopan nowheel"
      aria-label={`${label} text`}
      defaultValue={text}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finishByKey(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finishByKey(false);
        }
      }}
      onInput={draft.onInput}
      onBlur={() => finish(true)}
    />
  );
}
