// The "Consumer lag" chart (total lag per consumer group over simulated time) and the
// throughput chart (records produced and consumed per simulated second). The lag chart says
// why its lines are saw-teeth (offsets are committed every 5 s).
import { useSimStore } from '../store/simStore';
import { SeriesChart } from './SeriesChart';
import { LAG_CHART_NOTE } from './simHelp';

const shortGroup = (g: string) => g.split('.').slice(-2).join('.');

export function LagCharts() {
  const series = useSimStore((s) => s.series);
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
        name="Throughput"
        unit="records/s"
        series={series}
        pick={(names) => names.flatMap((n, index) => (n === 'produced/s' || n === 'consumed/s' ? [{ index, label: n }] : []))}
      />
    </div>
  );
}
