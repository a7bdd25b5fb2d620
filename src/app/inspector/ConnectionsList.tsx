// A sticky's connections in its inspector, one button each: the keyboard's way to a connection
// (connections are not in the board's Tab order, so tabbing reaches the stickies first). Pressing
// one selects that connection, and its inspector (weight, Delete connection) takes the focus.
import { elementTitle, type BoardElement } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';
import { ACTIONS } from '../actions/actionTable';

export function ConnectionsList({ element }: { element: BoardElement }) {
  const links = useBoardStore((s) => s.board?.links);
  const elementsById = useBoardStore((s) => s.elementsById);
  const items = (links ?? []).flatMap((link) => {
    const incoming = link.target === element.id;
    if (!incoming && link.source !== element.id) return [];
    const other = elementsById.get(incoming ? link.source : link.target);
    return other ? [{ link, incoming, text: `${incoming ? 'from' : 'to'} ${elementTitle(other)}${link.freeForm ? ' (free-form)' : ''}` }] : [];
  });
  if (items.length === 0) return null;
  // What leads here first, then what follows, as the board reads left to right.
  items.sort((a, b) => Number(b.incoming) - Number(a.incoming));
  return (
    <section aria-label="Connections">
      <h3>Connections</h3>
      <ul className="sb-link-list">
        {items.map(({ link, text }) => (
          <li key={link.id}>
            <button
              type="button"
              className="sb-button sb-small"
              aria-label={`Connection ${text}`}
              onClick={() => {
                useUiStore.getState().setSelection([], [link.id]);
                requestAnimationFrame(() => ACTIONS.focusInspector.perform());
              }}
            >
              {text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
