// The menu of one sticky (right click, or a long press on a touch screen): edit its text,
// duplicate it, move it into a bounded context, delete it. Each entry is the same command the
// keyboard uses, one undo step. Arrow keys move between entries; Escape or a click elsewhere closes.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { KIND_LABELS } from '../model';
import { deleteSelection, duplicateSelection, moveIntoContext } from '../store/boardCommands';
import { useBoardStore } from '../store/boardStore';
import { useUiStore } from '../store/uiStore';

const MENU_WIDTH_PX = 240;

export function StickyMenu() {
  const menu = useUiStore((s) => s.contextMenu);
  const element = useBoardStore((s) => (menu ? s.elementsById.get(menu.id) : undefined));
  const elements = useBoardStore((s) => s.board?.elements);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [menu]);

  if (!menu || !element) return null;
  const label = KIND_LABELS[element.kind];
  const run = (action: () => void) => () => {
    close();
    action();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
  };
  const targets = element.kind === 'boundedContext' ? [] : (elements ?? []).filter((c) => c.kind === 'boundedContext' && c.id !== element.parentId);
  const left = Math.min(menu.x, window.innerWidth - MENU_WIDTH_PX - 8);
  return (
    <div
      ref={ref}
      className="sb-context-menu"
      role="menu"
      aria-label={`${label} ${element.text || 'untitled'}`}
      style={{ left, top: menu.y, width: MENU_WIDTH_PX }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      <button type="button" role="menuitem" onClick={run(() => useUiStore.getState().startEditing(element.id))}>
        Edit text
      </button>
      <button type="button" role="menuitem" onClick={run(() => duplicateSelection())}>
        Duplicate
      </button>
      {targets.map((c) => (
        <button key={c.id} type="button" role="menuitem" onClick={run(() => moveIntoContext(element.id, c.id))}>
          Move into {c.text || 'unnamed context'}
        </button>
      ))}
      <button type="button" role="menuitem" className="sb-danger" onClick={run(() => deleteSelection())}>
        Delete
      </button>
    </div>
  );
}

function close(): void {
  useUiStore.getState().openContextMenu(null);
}
