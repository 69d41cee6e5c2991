// The run's results as Markdown tables (printed, and saved as results.md) and as the page's export format with
// the run's own details beside it (results.json), so a headless run and a page export read the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStats } from '../../contract/lab.js';
import { fixed, formatTable, verdict, type Row } from '../../bench/lib/table.js';
import type { LabFigures } from '../../../client/features/lab/lanes/lab-run';
import { LANE_LABELS } from '../../../client/features/lab/lanes/lane-types';
import { resultsToCsv, resultsToJson } from '../../../client/features/lab/results/export-results';
import type { Check } from './checks.js';

export interface AppliedFault {
  name: string;
  at: string;
  headSeq: number;
  result: unknown;
}

export interface RunDetails {
  startedAt: string;
  server: string;
  options: Record<string, unknown>;
  finalHead: number;
  caughtUp: boolean;
  faults: AppliedFault[];
  checks: Check[];
  exactDeliveryHeld: boolean;
  notes: string[];
}

function comparisonRows(figures: LabFigures): Row[] {
  const faultNames = [...new Set(figures.lanes.flatMap((l) => l.faults.map((f) => f.name)))];
  return figures.lanes.map((l) => {
    const row: Row = {
      lane: LANE_LABELS[l.kind],
      events: l.received,
      missing: l.missing.count,
      duplicates: l.duplicates.count,
      'out of order': l.outOfOrder.count,
      'p50 ms': fixed(l.latency.p50, 1),
      'p95 ms': fixed(l.latency.p95, 1),
      'p99 ms': fixed(l.latency.p99, 1),
      'max ms': fixed(l.latency.max, 1),
      requests: l.requests,
      frames: l.frames,
      bytes: l.bytes,
      empty: l.empty,
      'requests/event': fixed(l.requestsPerEvent, 2),
      'bytes/event': fixed(l.bytesPerEvent, 0),
      reconnects: l.reconnects,
    };
    for (const name of faultNames) {
      const fault = l.faults.find((f) => f.name === name);
      row[`${name} recovery ms`] = fault?.recoveredMs == null ? 'n/a' : fixed(fault.recoveredMs, 0);
      row[`${name} lost/dup`] = fault ? `${fault.lost}/${fault.duplicated}` : 'n/a';
    }
    return row;
  });
}

export function formatReport(figures: LabFigures, details: RunDetails): string {
  const { clock, settings } = figures;
  const checks = details.checks.map((c) => ({ check: c.check, lane: c.lane, value: c.value, target: c.target, verdict: verdict(c.met) }));
  const lines = [
    `# Switchboard lab, headless`,
    '',
    `${details.startedAt}, Node ${process.version}, server ${details.server}; short-poll interval ${settings.pollIntervalMs} ms, ` +
      `long-poll wait ${settings.longPollWaitS} s, final head ${details.finalHead}`,
    '',
    clock
      ? `Clock offset: ${clock.offsetMs >= 0 ? '+' : ''}${clock.offsetMs.toFixed(2)} ms (server minus local), within ±${(clock.rttMs / 2).toFixed(2)} ms ` +
        `(best round trip ${clock.rttMs.toFixed(2)} ms of ${clock.samples})`
      : 'Clock offset: not measured',
    '',
    formatTable('Comparison', comparisonRows(figures)),
    formatTable('Fidelity checks', checks),
    `Exact delivery: ${details.exactDeliveryHeld ? 'held' : 'FAILED'}. Latency targets are reported, not enforced: machines are noisy.`,
    '',
    '### How bytes are counted',
    ...figures.lanes.map((l) => `- ${LANE_LABELS[l.kind]}: ${l.bytesCounted}`),
    ...(details.notes.length ? ['', '### Notes', ...details.notes.map((n) => `- ${n}`)] : []),
    '',
  ];
  return lines.join('\n');
}

/** Writes results.md, results.json and results.csv into `<out>/<timestamp>/` and returns that directory. */
export function writeResults(out: string, figures: LabFigures, server: LabStats | null, details: RunDetails, report: string): string {
  const dir = join(out, details.startedAt.replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const exported = JSON.parse(resultsToJson(figures, server)) as object;
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify({ ...exported, run: details }, null, 2)}\n`);
  writeFileSync(join(dir, 'results.md'), report);
  writeFileSync(join(dir, 'results.csv'), resultsToCsv(figures));
  return dir;
}
