// The top bar: which board is open, history, view and layout, board files, examples, export
// and settings. Wraps onto a second line on narrow screens instead of hiding controls.
import { ACTIONS } from '../actions/actionTable';
import { useUiStore } from '../../store/uiStore';
import { BoardMenu } from './BoardMenu';
import { ExamplesMenu } from './ExamplesMenu';
import { ExportServicesButton } from './ExportServicesButton';
import { FileControls } from './FileControls';
import { HistoryButtons } from './HistoryButtons';
import { SettingsMenu } from './SettingsMenu';

export function Toolbar() {
  const selected = useUiStore((s) => s.selectedElementIds.length);
  return (
    <header className="sb-toolbar">
      <h1 className="sb-brand">
        Storm<span>bench</span>
      </h1>
      <BoardMenu />
      <span className="sb-sep" />
      <HistoryButtons />
      <div className="sb-group" role="group" aria-label="View">
        <button type="button" className="sb-button sb-icon" onClick={() => ACTIONS.fitView.perform()} aria-label="Fit view" title="Fit the whole board in view (Shift+F)">
          ⤢
        </button>
        <button
          type="button"
          className="sb-button"
          disabled={selected < 2}
          onClick={() => ACTIONS.timeline.perform()}
          title="Arrange the selected stickies left to right in flow order (Shift+T)"
        >
          Lay out as timeline
        </button>
      </div>
      <span className="sb-spacer" />
      <ExamplesMenu />
      <FileControls />
      <ExportServicesButton />
      <SettingsMenu />
    </header>
  );
}
