// In-place text editor of a sticky: Enter finishes, Shift+Enter adds a line, Escape cancels.
// The text is written to the document once, when editing ends (one undo step).
import { useEffect, useRef } from 'react';
import type { ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';

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
      el.setSelectionRange(el.value.length, el.value.length);
    } else {
      el.select();
    }
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const value = ref.current?.value.trim() ?? text;
    if (commit && value !== text) useBoardStore.getState().doc?.updateElement(id, { text: value });
    useUiStore.getState().stopEditing();
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
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
