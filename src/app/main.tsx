// Entry point: styles, the board repository wired into the boards store, and the shell.
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useBoardsStore } from '../store/boardsStore';
import { useSimStore } from '../store/simStore';
import { useUiStore } from '../store/uiStore';
import { createMemoryRepository } from '../store/memoryRepository';
import { App } from './App';
import { createRepository } from './createRepository';
import { startCollaboration } from './collab/startCollaboration';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void startBoards();

async function startBoards(): Promise<void> {
  const repo = createRepository();
  await useBoardsStore.getState().start(repo);
  if (useBoardsStore.getState().status !== 'failed') {
    await startCollaboration(repo);
    return;
  }
  // No IndexedDB (a private window, storage blocked): still let the workshop work.
  const memory = createMemoryRepository();
  await useBoardsStore.getState().start(memory);
  await startCollaboration(memory);
  useUiStore.getState().notify({
    kind: 'error',
    message: 'This browser does not let Stormbench save boards, so this board lasts only while the tab is open. Use "Export board" to keep it.',
  });
}
// The theme picked in the settings (or the system's) drives the CSS variables.
const applyTheme = (theme: string) => {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
};
// The text-size setting scales the whole interface (rem) and the board's text (board units).
const applyTextScale = (scale: number) => document.documentElement.style.setProperty('--sb-text-scale', String(scale));
applyTheme(useUiStore.getState().theme);
applyTextScale(useUiStore.getState().textScale);
useUiStore.subscribe((s) => (applyTheme(s.theme), applyTextScale(s.textScale)));
// Whether the simulation dock is open is remembered with the other preferences.
if (useUiStore.getState().dockOpen) useSimStore.getState().setOpen(true);
useSimStore.subscribe((s) => useUiStore.getState().setDockOpen(s.open));
// One notice area for every message: the simulation's errors go there too, not into a second
// banner of their own.
useSimStore.subscribe((s, before) => {
  if (!s.error || s.error === before.error) return;
  useUiStore.getState().notify({ kind: 'error', message: s.error });
  s.clearError();
});
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
