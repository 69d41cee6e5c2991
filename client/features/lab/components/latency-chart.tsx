// One lane's delivery latency over time: per second, the mean and the worst arrival, and for polling lanes the
// line theory predicts (half the interval plus a round trip). uPlot draws on a canvas and takes new data without
// rebuilding, so several charts stream at 2 Hz for minutes without the page slowing down.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesPoint } from '../metrics/lane-recorder';

/** Seconds of history on screen. */
export const CHART_WINDOW_S = 120;
const HEIGHT = 140;

interface LatencyChartProps {
  label: string;
  points: readonly SeriesPoint[];
  /** When the points were read: the recorder grows its series in place, so this is what says it changed. */
  readAt: number;
  /** The expected mean latency, drawn as a flat line (polling only). */
  theoryMs?: number;
}

function toData(points: readonly SeriesPoint[], theoryMs: number | undefined): uPlot.AlignedData {
  const recent = points.slice(-CHART_WINDOW_S);
  return [
    recent.map((p) => p.t / 1000),
    recent.map((p) => p.meanMs),
    recent.map((p) => p.maxMs),
    recent.map(() => theoryMs ?? null),
  ];
}

const cssColor = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

export function LatencyChart({ label, points, readAt, theoryMs }: LatencyChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const axis = { stroke: cssColor('--text-muted'), grid: { stroke: cssColor('--border'), width: 1 }, ticks: { show: false } };
    const created = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height: HEIGHT,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] } },
        axes: [axis, { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`)) }],
        series: [
          {},
          { label: 'mean', stroke: cssColor('--accent'), width: 2 },
          { label: 'max', stroke: cssColor('--warn'), width: 1 },
          { label: 'theory', stroke: cssColor('--muted'), width: 1, dash: [4, 4] },
        ],
      },
      [[], [], [], []],
      element,
    );
    plot.current = created;
    const resize = new ResizeObserver(() => created.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(toData(points, theoryMs));
  }, [points, readAt, theoryMs]);

  return (
    <figure className="lab-chart">
      <div ref={container} role="img" aria-label={`${label}: delivery latency per second, mean and max`} />
    </figure>
  );
}
