// Board settings that change how the board behaves: free-form connections (kept with a
// warning, left out of the topology), snapping to the grid and the topic strategy, stored in the
// document; and the theme and the text size, preferences of this browser.
import { toggleFreeFormLinks, toggleSnapToGrid } from '../../store/boardCommands';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore, type TextScale, type ThemePreference } from '../../store/uiStore';
import { Disclosure } from './Disclosure';
import { TopicStrategyField } from './TopicStrategyField';

export function SettingsMenu() {
  const freeForm = useBoardStore((s) => s.board?.settings.allowFreeFormLinks ?? false);
  const snap = useBoardStore((s) => s.board?.settings.snapToGrid ?? true);
  const theme = useUiStore((s) => s.theme);
  const textScale = useUiStore((s) => s.textScale);
  return (
    <Disclosure label="Board settings" display="Settings" align="right">
      {() => (
        <div className="sb-menu-list sb-settings-list">
          <label className="sb-check">
            <input type="checkbox" checked={freeForm} onChange={toggleFreeFormLinks} />
            Allow free-form connections
            <small>Connections outside the grammar are kept, dashed, with a warning, and left out of the topology.</small>
          </label>
          <label className="sb-check">
            <input type="checkbox" checked={snap} onChange={toggleSnapToGrid} />
            Snap to grid
          </label>
          <TopicStrategyField />
          <div className="sb-field" style={{ padding: '0.4rem 0.5rem' }}>
            <label htmlFor="sb-theme">Theme</label>
            <select id="sb-theme" value={theme} onChange={(e) => useUiStore.getState().setTheme(e.target.value as ThemePreference)}>
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <div className="sb-field" style={{ padding: '0.4rem 0.5rem' }}>
            <label htmlFor="sb-text-size">Text size</label>
            <select id="sb-text-size" value={textScale} onChange={(e) => useUiStore.getState().setTextScale(Number(e.target.value) as TextScale)}>
              <option value={1}>Normal</option>
              <option value={1.25}>Large</option>
              <option value={1.5}>Larger (presenting)</option>
            </select>
          </div>
        </div>
      )}
    </Disclosure>
  );
}
