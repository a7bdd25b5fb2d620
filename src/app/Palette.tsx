// The sticky palette: one button per kind, named exactly like the kind (DESIGN.md). A click
// adds the sticky in the middle of the view with its text editor open; dragging a button onto
// the board drops the sticky where it is released.
import type { DragEvent } from 'react';
import { ELEMENT_KINDS, KIND_LABELS, type ElementKind } from '../model';
import { PALETTE_DRAG_TYPE } from '../canvas/BoardCanvas';
import { flowBridge } from '../canvas/flowBridge';
import { KIND_STYLES } from '../canvas/kindStyles';
import { addSticky } from '../store/boardCommands';
import { useBoardStore } from '../store/boardStore';

const KIND_TIPS: Record<ElementKind, string> = {
  event: 'Something that happened, in the past tense: "Order placed"',
  command: 'An intention, in the imperative: "Place order"',
  policy: 'A reaction: "Whenever payment received, ship order"',
  aggregate: 'The thing that accepts or rejects a command',
  readModel: 'Information someone needs to decide',
  externalSystem: 'A system outside, e.g. a payment provider',
  actor: 'A person or role who issues commands',
  hotspot: 'A question, risk or conflict to come back to',
  boundedContext: 'A frame grouping stickies into one service',
};

function addAtCentre(kind: ElementKind) {
  const bridge = flowBridge();
  const centre = bridge?.centre() ?? { x: 0, y: 0 };
  const { width, height } = KIND_STYLES[kind];
  addSticky(kind, { x: centre.x - width / 2, y: centre.y - height / 2 }, { avoidOverlap: true, within: bridge?.visibleArea() });
}

function onDragStart(kind: ElementKind) {
  return (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
}

export function Palette() {
  const open = useBoardStore((s) => s.doc !== null);
  return (
    <nav className="sb-palette" aria-label="Sticky palette">
      <h2 className="sb-panel-title">Add a sticky</h2>
      <ul>
        {ELEMENT_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`sb-palette-item sb-palette-${kind}`}
              draggable
              disabled={!open}
              onDragStart={onDragStart(kind)}
              onClick={() => addAtCentre(kind)}
              title={`${KIND_TIPS[kind]} — click to add, or drag onto the board`}
            >
              <span className="sb-swatch" style={{ background: KIND_STYLES[kind].color }} aria-hidden="true" />
              {KIND_LABELS[kind]}
            </button>
          </li>
        ))}
      </ul>
      <p className="sb-palette-help">
        Drag empty space to pan, scroll to zoom, Shift+drag to select. Double-click empty space for a domain event. Drag from a sticky's right dot to connect. Shift+I goes to the inspector.
      </p>
    </nav>
  );
}
