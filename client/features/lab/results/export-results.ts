// Results leave the page as JSON (everything, for tools) and CSV (one row per lane, for a spreadsheet). Plain
// functions of the figures, so the headless runner and tests produce the same shapes.
import type { LabStats } from '../../../../server/contract/lab';
import type { LabFigures } from '../lanes/lab-run';
import { LANE_LABELS } from '../lanes/lane-types';
import type { FaultOutcome } from '../metrics/lane-recorder';

export interface LabExport {
  format: 'switchboard-lab/1';
  exportedAt: string;
  figures: LabFigures;
  server: LabStats | null;
}

export function resultsToJson(figures: LabFigures, server: LabStats | null): string {
  const exported: LabExport = { format: 'switchboard-lab/1', exportedAt: new Date(figures.at).toISOString(), figures, server };
  // NaN (no samples yet) is not JSON: it becomes null.
  return JSON.stringify(exported, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}

const CSV_COLUMNS = [
  'lane', 'received', 'missing', 'duplicates', 'out_of_order', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms',
  'latency_max_ms', 'latency_mean_ms', 'requests', 'frames', 'bytes', 'empty', 'requests_per_event', 'bytes_per_event',
  'reconnects', 'faults', 'bytes_counted',
] as const;

const describeFault = (f: FaultOutcome) =>
  `${f.name}: ${f.recoveredMs === null ? 'not recovered' : `recovered in ${Math.round(f.recoveredMs)} ms`}, lost ${f.lost}, duplicated ${f.duplicated}`;

function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '';
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function resultsToCsv(figures: LabFigures): string {
  const rows = figures.lanes.map((l) => [
    LANE_LABELS[l.kind], l.received, l.missing.count, l.duplicates.count, l.outOfOrder.count, l.latency.p50, l.latency.p95,
    l.latency.p99, l.latency.max, l.latency.mean, l.requests, l.frames, l.bytes, l.empty, l.requestsPerEvent,
    l.bytesPerEvent, l.reconnects, l.faults.map(describeFault).join('; '), l.bytesCounted,
  ]);
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
