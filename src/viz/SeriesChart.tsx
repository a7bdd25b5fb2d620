// A live time-series chart on uPlot's canvas: created once per set of series, then fed new
// data with setData (no React re-render of the canvas), sized to its container. Redraws go
// through drawInOwnFrame so they never share an animation frame with other work.
import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SimSeries } from '../store/simStore';
import { cancelDraw, drawInOwnFrame } from './frameQueue';

const COLOURS = ['#2f6fde', '#e8590c', '#2b8a3e', '#ae3ec9', '#c92a2a', '#1098ad', '#f08c00', '#5c7cfa', '#868e96'];

export interface SeriesChartProps {
  name: string;
  series: SimSeries | null;
  /** Which columns to draw (indexes into series.names, never 0) and their labels. */
  pick: (names: readonly string[]) => { index: number; label: string }[];
  unit: string;
  height?: number;
  /** A sentence under the title saying how to read the chart (also its accessible description). */
  note?: string;
}

export function SeriesChart({ name, series, pick, unit, height = 150, note }: SeriesChartProps) {
  const noteId = useId();
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<{ u: uPlot; key: string } | null>(null);
  const names = series?.names ?? [];
  const chosen = pick(names);
  const key = chosen.map((c) => c.label).join('|');
  const samples = series?.columns[0]?.length ?? 0;

  useEffect(() => {
    const el = host.current;
    if (!el || chosen.length === 0) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      axes: [
        { label: 'simulated seconds', size: 36, labelSize: 18, font: '13px system-ui', labelFont: '13px system-ui', stroke: '#888' },
        { label: unit, size: 60, labelSize: 18, font: '13px system-ui', labelFont: '13px system-ui', stroke: '#888' },
      ],
      series: [{}, ...chosen.map((c, i) => ({ label: c.label, stroke: COLOURS[i % COLOURS.length], width: 1.5, points: { show: false } }))],
    };
    const u = new uPlot(opts, [[], ...chosen.map(() => [])] as uPlot.AlignedData, el);
    const current = { u, key };
    plot.current = current;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelDraw(current);
      u.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when the set of series changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, height, unit]);

  useEffect(() => {
    const p = plot.current;
    if (!p || !series || series.columns.length === 0) return;
    const columns = chosen.map((c) => c.index);
    drawInOwnFrame(p, () => {
      const t = series.columns[0]!;
      const xs = new Float64Array(t.length);
      for (let i = 0; i < t.length; i++) xs[i] = t[i]! / 1000;
      p.u.setData([xs, ...columns.map((c) => series.columns[c] ?? new Float64Array(t.length))] as unknown as uPlot.AlignedData);
    });
  });

  return (
    <figure className="sb-chart" role="figure" aria-label={name} aria-describedby={note ? noteId : undefined} data-samples={samples}>
      <figcaption>{name}</figcaption>
      {note ? (
        <p id={noteId} className="sb-chart-note">
          {note}
        </p>
      ) : null}
      <div ref={host} className="sb-chart-canvas" />
    </figure>
  );
}
