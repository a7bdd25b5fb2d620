// Board files: import a board (a file input labelled "Import board"; a refused file leaves the
// open board exactly as it was and says what is wrong in role="alert"), export it as JSON,
// and export a picture of it as PNG or SVG.
import { useRef } from 'react';
import { parseBoard } from '../../model/parseBoard';
import { serializeBoard } from '../../model/serializeBoard';
import { useBoardStore } from '../../store/boardStore';
import { useBoardsStore } from '../../store/boardsStore';
import { useUiStore } from '../../store/uiStore';
import { download, fileNameFor } from '../files/download';
import { exportBoardImage } from '../files/exportImage';
import { Disclosure } from './Disclosure';

async function importFile(file: File): Promise<void> {
  const ui = useUiStore.getState();
  let board;
  try {
    board = parseBoard(await file.text());
  } catch (error) {
    ui.notify({ kind: 'error', message: `“${file.name}” was not imported: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const id = await useBoardsStore.getState().addBoard(board);
  if (id) ui.notify({ kind: 'info', message: `Imported “${board.name}”.` });
}

function exportJson(): void {
  const board = useBoardStore.getState().board;
  if (board) download(fileNameFor(board.name, 'board.json'), serializeBoard(board), 'application/json');
}

async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const board = useBoardStore.getState().board;
  if (!board) return;
  try {
    const background = getComputedStyle(document.documentElement).getPropertyValue('--sb-canvas').trim() || '#ffffff';
    const url = await exportBoardImage(format, background);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileNameFor(board.name, format);
    a.click();
  } catch (error) {
    useUiStore.getState().notify({ kind: 'error', message: `Image export failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

export function FileControls() {
  const input = useRef<HTMLInputElement>(null);
  const open = useBoardStore((s) => s.board !== null);
  return (
    <div className="sb-group" role="group" aria-label="Board file">
      <label className="sb-button" title="Open a board file (.json) as a new board">
        <span aria-hidden="true">⤒</span> Import board
        <input
          ref={input}
          className="sb-file-input"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <button type="button" className="sb-button" onClick={exportJson} disabled={!open} title="Download this board as a JSON file">
        <span aria-hidden="true">⤓</span> Export board
      </button>
      <Disclosure label="Export image" display="Image" title="Download a picture of the whole board">
        {(close) => (
          <div className="sb-menu-list">
            <button type="button" onClick={() => (close(), void exportImage('png'))}>
              Export PNG
            </button>
            <button type="button" onClick={() => (close(), void exportImage('svg'))}>
              Export SVG
            </button>
          </div>
        )}
      </Disclosure>
    </div>
  );
}
