// The simulation panel under the board: collapsed, a bar with "Run simulation"; open (at a
// height the user drags, remembered), the run's controls, a row of counters and the status line
// over tabs for the cluster, offsets and lag, topics (message browser, produce, group offsets, configs),
// topology (which takes the board's place), consumer groups, fault experiments, read models and
// help. Heavy views mount only on their tab.
import { lazy, Suspense, useLayoutEffect, useState, type CSSProperties } from 'react';
import { SIM_DEFAULTS, useSimStore, type SimTab } from '../../store/simStore';
import { ClusterPanel } from '../../viz/ClusterPanel';
import { ExperimentsPanel } from '../../viz/ExperimentsPanel';
import { GroupsPanel } from '../../viz/GroupsPanel';
import { LagCharts } from '../../viz/LagCharts';
import { OffsetBars } from '../../viz/OffsetBars';
import { PartitionsTable } from '../../viz/PartitionsTable';
import { ReadModels } from '../../viz/ReadModels';
import { RebalancesPanel } from '../../viz/RebalancesPanel';
import { SimCounters } from '../../viz/SimCounters';
import { SimHelpPanel } from '../../viz/SimHelpPanel';
import { TopicsPanel } from '../kafka/TopicsPanel';
import { Timeline } from '../../viz/Timeline';
import { RunSettings } from './RunSettings';
import { ReplayBar, ReplayRunButton } from './ReplayBar';
import { RunStatus } from './RunStatus';
import { DockResizer, useDockHeight } from './DockResizer';
import { SimControls } from './SimControls';
import { CompareStrategiesButton } from './CompareStrategiesButton';

/** The simulator's memory budget is a departure from Kafka (docs/sim.md): say so where the log start moves. */
const LOG_START_NOTE = `Log start: besides the board's retention, the simulator keeps at most ${SIM_DEFAULTS.recordBudget.toLocaleString('en-US')} records in memory and deletes the oldest segments beyond that, as if by retention.bytes (a departure from Kafka).`;
import { useBoardProblems } from './useBoardProblems';
import './sim.css';

const TopologyView = lazy(() => import('../../viz/TopologyView').then((m) => ({ default: m.TopologyView })));

const TABS: { id: SimTab; label: string }[] = [
  { id: 'cluster', label: 'Cluster' },
  { id: 'lag', label: 'Offsets and lag' },
  { id: 'topics', label: 'Topics' },
  { id: 'topology', label: 'Topology' },
  { id: 'groups', label: 'Consumer groups' },
  { id: 'rebalances', label: 'Rebalances' },
  { id: 'experiments', label: 'Fault experiments' },
  { id: 'readModels', label: 'Read models' },
  { id: 'help', label: 'Help' },
];

function TabBody({ tab }: { tab: SimTab }) {
  switch (tab) {
    case 'cluster':
      return (
        <div className="sb-sim-cluster">
          <ClusterPanel />
          <div className="sb-sim-split">
            <PartitionsTable logStartNote={LOG_START_NOTE} />
            <Timeline />
          </div>
        </div>
      );
    case 'lag':
      return (
        <div className="sb-sim-split">
          <LagCharts />
          <OffsetBars />
        </div>
      );
    case 'topology':
      return (
        <>
          <p className="sb-muted sb-takeover-note">
            The topology takes the board's place while this tab is open.{' '}
            <button type="button" className="sb-button sb-small" onClick={() => useSimStore.getState().setTab('cluster')}>
              Back to the board
            </button>
          </p>
          <Suspense fallback={<p className="sb-muted">Loading the layout…</p>}>
            <TopologyView />
          </Suspense>
        </>
      );
    case 'topics':
      return <TopicsPanel />;
    case 'groups':
      return <GroupsPanel />;
    case 'rebalances':
      return <RebalancesPanel />;
    case 'experiments':
      return (
        <div className="sb-sim-split">
          <ExperimentsPanel />
          <div>
            <ClusterPanel />
            <PartitionsTable />
            <Timeline />
          </div>
        </div>
      );
    case 'readModels':
      return <ReadModels />;
    case 'help':
      return <SimHelpPanel />;
  }
}

/**
 * The topology needs room: while its tab is open the dock takes the board's place (everything
 * under the toolbar); the board stays mounted underneath, at its size, and comes back with any
 * other tab.
 */
/**
 * Collapsed, the toggle ends the bar (the only row there is); open, it ends the tab row, so it
 * never takes a band of its own under the counters. A click moves it, so the new one takes the
 * focus the old one had.
 */
function DockToggle({ open, focus, onToggle }: { open: boolean; focus: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="sb-button sb-icon sb-dock-toggle" aria-label={open ? 'Hide simulation panel' : 'Show simulation panel'} aria-expanded={open} autoFocus={focus} onClick={onToggle}>
      {open ? '▾' : '▴'}
    </button>
  );
}

function useTakeover(active: boolean): CSSProperties | null {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    if (!active) return;
    const measure = () => setTop(Math.round(document.querySelector('.sb-toolbar')?.getBoundingClientRect().bottom ?? 0));
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [active]);
  return active ? { position: 'fixed', top, left: 0, right: 0, bottom: 0 } : null;
}

export function SimulationDock() {
  useBoardProblems();
  const open = useSimStore((s) => s.open);
  const tab = useSimStore((s) => s.tab);
  const setTab = useSimStore((s) => s.setTab);
  const setOpen = useSimStore((s) => s.setOpen);
  const height = useDockHeight();
  const takeover = useTakeover(open && tab === 'topology');
  // A fault experiment runs its own scripted cluster: the board run's settings do not apply to it.
  const experiment = useSimStore((s) => s.snapshot?.source === 'experiment');
  const [toggled, setToggled] = useState(false);
  const toggle = (
    <DockToggle
      open={open}
      focus={toggled}
      onToggle={() => {
        setToggled(true);
        setOpen(!open);
      }}
    />
  );
  return (
    <section className={`sb-sim-dock ${open ? 'sb-sim-open' : ''} ${takeover ? 'sb-sim-takeover' : ''}`} aria-label="Simulation" style={takeover ?? (open ? { height } : undefined)}>
      {open && !takeover ? <DockResizer height={height} /> : null}
      <div className="sb-sim-bar">
        <SimControls />
        {experiment ? null : <RunSettings />}
        {open ? <SimCounters /> : toggle}
      </div>
      <RunStatus />
      <ReplayBar />
      {open ? (
        <>
          <div className="sb-sim-tabrow">
            <div role="tablist" aria-label="Simulation views" className="sb-sim-tabs">
              {TABS.map((t) => (
                <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} aria-controls={`sb-sim-${t.id}`} id={`sb-sim-tab-${t.id}`} onClick={() => setTab(t.id)}>
                  {t.label}
                </button>
              ))}
            </div>
            {/* Beside the views, not in the bar: a running board's bar has no room left at 1280 px. */}
            <ReplayRunButton />
            <CompareStrategiesButton />
            {toggle}
          </div>
          <div key={tab} role="tabpanel" id={`sb-sim-${tab}`} aria-labelledby={`sb-sim-tab-${tab}`} className="sb-sim-body">
            <TabBody tab={tab} />
          </div>
        </>
      ) : null}
    </section>
  );
}
