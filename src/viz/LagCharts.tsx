// The "Consumer lag" chart (total lag per consumer group over simulated time) and the
// throughput chart (records produced and consumed per simulated second). The lag chart says
// why its lines are saw-teeth (offsets are committed every 5 s).
import { useSimStore } from '../store/simStore';
import { SeriesChart } from './SeriesChart';
import { LAG_CHART_NOTE } from './simHelp';

const RUN_LAG_NOTE =
  'The whole run so far, each point the largest lag of its stretch of time: the points stretch as the run grows, so memory stays bounded and no peak is lost.';

const shortGroup = (g: string) => g.split('.').slice(-2).join('.');

export function LagCharts() {
  const series = useSimStore((s) => s.series);
  const history = series?.history ?? null;
  return (
    <div className="sb-charts">
      <SeriesChart
        name="Consumer lag"
        unit="records"
        series={series}
        pick={(names) => names.flatMap((n, index) => (n.startsWith('lag:') ? [{ index, label: shortGroup(n.slice(4)) }] : []))}
        note={LAG_CHART_NOTE}
      />
      <SeriesChart
        name="Lag over the whole run"
        unit="records"
        series={history}
        height={120}
        pick={(names) => names.flatMap((n, index) => (n.startsWith('lag:') ? [{ index, label: shortGroup(n.slice(4)) }] : []))}
        note={RUN_LAG_NOTE}
      />
      <SeriesChart
        name="Throughput"
        unit="records/s"
        series={series}
        pick={(names) => names.flatMap((n, index) => (n === 'produced/s' || n === 'consumed/s' ? [{ index, label: n }] : []))}
      />
    </div>
  );
}
