// The side panel for the selection: name and description of any sticky, plus what its kind
// needs for the topology (payload fields, aggregate stream settings, context service).
// Each value is written when editing ends, and only when the model's validation accepts it.
import type { BoardElement, ElementId, ElementPatch } from '../../model';
import { KIND_LABELS } from '../../model';
import { KIND_STYLES } from '../../canvas/kindStyles';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';
import { AggregateSettings } from './AggregateSettings';
import { CommitField } from './CommitField';
import { ConnectionsList } from './ConnectionsList';
import { DeleteButton } from './DeleteButton';
import { ContextSettings } from './ContextSettings';
import { LinkInspector } from './LinkInspector';
import { PayloadFieldsEditor } from './PayloadFieldsEditor';
import { EventSchemaPanel } from './EventSchemaPanel';
import { RulesSection } from './RulesSection';

export function update(id: ElementId, patch: ElementPatch): void {
  const doc = useBoardStore.getState().doc;
  if (!doc) return;
  try {
    doc.updateElement(id, patch);
  } catch (error) {
    useUiStore.getState().notify({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

export function Inspector() {
  const open = useUiStore((s) => s.inspectorOpen);
  const count = useUiStore((s) => s.selectedElementIds.length);
  const onlyId = useUiStore((s) => (s.selectedElementIds.length === 1 ? s.selectedElementIds[0] : undefined));
  const element = useBoardStore((s) => (onlyId ? s.elementsById.get(onlyId) : undefined));
  const onlyLinkId = useUiStore((s) => (s.selectedElementIds.length === 0 && s.selectedLinkIds.length === 1 ? s.selectedLinkIds[0] : undefined));
  const link = useBoardStore((s) => (onlyLinkId ? s.board?.links.find((l) => l.id === onlyLinkId) : undefined));
  const linkCount = useUiStore((s) => s.selectedLinkIds.length);
  // With nothing selected there is nothing to inspect: the board gets the width (a 1280 px
  // projector loses a fifth of its board to an empty panel otherwise).
  if (count === 0 && linkCount === 0) return null;
  if (!open) {
    return (
      <aside className="sb-inspector sb-inspector-collapsed" aria-label="Inspector">
        <button type="button" className="sb-button sb-icon" aria-label="Show inspector" title="Show inspector" onClick={() => useUiStore.getState().toggleInspector(true)}>
          ‹
        </button>
      </aside>
    );
  }
  const wide = element && (element.kind === 'command' || element.kind === 'policy' || element.kind === 'readModel' || element.kind === 'aggregate');
  return (
    <aside className={`sb-inspector${wide ? ' sb-inspector-wide' : ''}`} aria-label="Inspector">
      {element ? (
        <ElementInspector key={element.id} element={element} />
      ) : link ? (
        <LinkInspector key={link.id} link={link} />
      ) : (
        <>
          <InspectorHeader title={count > 1 ? `${count} stickies selected` : 'Inspector'} />
          <p className="sb-inspector-empty">
            {count > 1
              ? 'Use “Lay out as timeline” to line them up left to right, or Delete to remove them.'
              : 'Select a sticky to name it, describe it and give it the details the topology needs: payload fields for events and commands, stream settings for aggregates, the service for a bounded context.'}
          </p>
          <DeleteButton label={count > 1 ? `Delete ${count} stickies` : 'Delete selection'} />
        </>
      )}
    </aside>
  );
}

function InspectorHeader({ title, swatch }: { title: string; swatch?: string }) {
  return (
    <h2>
      {swatch ? <span className="sb-swatch" style={{ background: swatch }} aria-hidden="true" /> : null}
      <span style={{ flex: 1 }}>{title}</span>
      <button type="button" className="sb-button sb-icon" aria-label="Hide inspector" title="Hide inspector" onClick={() => useUiStore.getState().toggleInspector(false)}>
        ›
      </button>
    </h2>
  );
}

function ElementInspector({ element }: { element: BoardElement }) {
  const label = KIND_LABELS[element.kind];
  return (
    <>
      <InspectorHeader title={label} swatch={element.kind === 'boundedContext' ? undefined : KIND_STYLES[element.kind].color} />
      <CommitField label="Name" value={element.text} onCommit={(text) => update(element.id, { text: text.trim() })} />
      <CommitField label="Description" value={element.description} multiline onCommit={(description) => update(element.id, { description })} />
      {element.kind === 'boundedContext' ? null : <ConnectionsList element={element} />}
      {element.kind === 'event' || element.kind === 'command' ? <PayloadFieldsEditor element={element} /> : null}
      {element.kind === 'event' ? <EventSchemaPanel element={element} /> : null}
      {element.kind === 'aggregate' ? <AggregateSettings element={element} /> : null}
      {element.kind === 'boundedContext' ? <ContextSettings element={element} /> : null}
      <RulesSection element={element} />
      <DeleteButton label={element.kind === 'boundedContext' ? 'Delete bounded context' : 'Delete sticky'} />
    </>
  );
}
