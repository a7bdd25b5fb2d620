// Board settings that change how the board behaves: free-form connections (kept with a
// warning, left out of the topology) and snapping to the grid. Stored in the document.
import { toggleFreeFormLinks, toggleSnapToGrid } from '../../store/boardCommands';
import { useBoardStore } from '../../store/boardStore';
import { Disclosure } from './Disclosure';

export function SettingsMenu() {
  const freeForm = useBoardStore((s) => s.board?.settings.allowFreeFormLinks ?? false);
  const snap = useBoardStore((s) => s.board?.settings.snapToGrid ?? true);
  return (
    <Disclosure label="Board settings" display="Settings" align="right">
      {() => (
        <div className="sb-menu-list">
          <label className="sb-check">
            <input type="checkbox" checked={freeForm} onChange={toggleFreeFormLinks} />
            Allow free-form connections
            <small>Connections outside the grammar are kept, dashed, with a warning, and left out of the topology.</small>
          </label>
          <label className="sb-check">
            <input type="checkbox" checked={snap} onChange={toggleSnapToGrid} />
            Snap to grid
          </label>
        </div>
      )}
    </Disclosure>
  );
}
