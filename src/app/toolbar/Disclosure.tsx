// A toolbar button that opens a small panel under it (board menu, examples, settings). The
// panel closes on Escape, on a click elsewhere, and after one of its buttons ran.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface DisclosureProps {
  label: string;
  /** Visible text of the button when it differs from its accessible name. */
  display?: ReactNode;
  title?: string;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
}

export function Disclosure({ label, display, title, children, align = 'left' }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        e.stopPropagation();
      }
    };
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  return (
    <div className="sb-disclosure" ref={root}>
      <button
        type="button"
        className="sb-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={display ? label : undefined}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {display ?? label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={id} className={`sb-popover sb-popover-${align}`}>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}
