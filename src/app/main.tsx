// Entry point: styles, the board repository wired into the boards store, and the shell.
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useBoardsStore } from '../store/boardsStore';
import { useUiStore } from '../store/uiStore';
import { App } from './App';
import { createRepository } from './createRepository';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void useBoardsStore.getState().start(createRepository());
// The theme picked in the settings (or the system's) drives the CSS variables.
const applyTheme = (theme: string) => {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
};
applyTheme(useUiStore.getState().theme);
useUiStore.subscribe((s) => applyTheme(s.theme));
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
