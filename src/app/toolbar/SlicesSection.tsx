// Slices: the board's rules and Given-When-Then scenarios as an Event Modeling-style file
// (docs/model.md, "Slices"), a section of the board menu (the toolbar has no room left at
// 1280 px). "Export slices" downloads them; "Import slices…" reads such a file onto this
// board's stickies as one undo step, or says in role="alert" why the file was refused (and then
// nothing changes).
import type { RefObject } from 'react';
import { useBoardStore } from '../../store/boardStore';
import { importSlicesText, slicesText } from '../../store/sliceCommands';
import { useUiStore } from '../../store/uiStore';
import { download, fileNameFor } from '../files/download';

async function importFile(file: File): Promise<void> {
  const ui = useUiStore.getState();
  try {
    const { changed, scenarios } = importSlicesText(await file.text());
    ui.notify({
      kind: 'info',
      message: changed === 0 ? `“${file.name}” holds the rules and scenarios this board already has: nothing changed.` : `Read “${file.name}” onto ${changed} ${changed === 1 ? 'sticky' : 'stickies'} (${scenarios} ${scenarios === 1 ? 'scenario' : 'scenarios'}). Undo (Ctrl+Z) takes it back.`,
    });
  } catch (error) {
    ui.notify({ kind: 'error', message: `“${file.name}” was not imported: ${error instanceof Error ? error.message : String(error)}. The board is unchanged.` });
  }
}

function exportFile(): void {
  const board = useBoardStore.getState().board;
  const text = slicesText();
  if (board && text) download(fileNameFor(board.name, 'slices.json'), text, 'application/json');
}

/** The hidden file input "Import slices…" opens; keep it outside the menu's popover, so that it is still there when the file chooser answers. */
export function SlicesFileInput({ input }: { input: RefObject<HTMLInputElement | null> }) {
  return (
    <input
      ref={input}
      hidden
      type="file"
      accept=".json,application/json"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void importFile(file);
      }}
    />
  );
}

/** The board menu's slices section. */
export function SlicesSection({ input, close }: { input: RefObject<HTMLInputElement | null>; close: () => void }) {
  const open = useBoardStore((s) => s.board !== null);
  const readOnly = useUiStore((s) => s.readOnly);
  return (
    <section aria-labelledby="sb-slices-heading">
      <p className="sb-menu-heading" id="sb-slices-heading">
        Rules and scenarios as slices
      </p>
      <p className="sb-menu-note">Each command, read model and policy with its rules and Given-When-Then scenarios, as one Event Modeling-style JSON file.</p>
      <div className="sb-menu-row">
        <button type="button" className="sb-button" disabled={!open} onClick={() => (close(), exportFile())}>
          Export slices
        </button>
        <button type="button" className="sb-button" disabled={!open || readOnly} onClick={() => (close(), input.current?.click())}>
          Import slices…
        </button>
      </div>
      <p className="sb-menu-note">Importing puts each slice’s rules and scenarios on the sticky of the same name; Undo takes it back.</p>
    </section>
  );
}
