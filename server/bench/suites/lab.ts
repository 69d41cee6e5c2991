// The lab's fidelity where it depends on timing: 20 changes/s for 30 s on loopback, short polling at 1 s and at
// 5 s, a drop fault in each run. Exact delivery is also tested in the suite; here the latency targets are judged
// (short-poll mean ≈ interval / 2 + round trip ±25 %, SSE and WebSocket p50 < 10 ms, long poll < 20 ms), on a
// machine that may be busy, which is why they live in the bench and not in the tests.
import { runSession } from '../../lab/headless/lab-session.js';
import type { LabOptions } from '../../lab/headless/options.js';
import { startOwnServer } from '../../lab/headless/own-server.js';
import type { SuiteOptions, SuiteResult } from '../lib/suite.js';
import { verdict, type Row } from '../lib/table.js';

const RUN_SECONDS = 30;
const INTERVALS_MS = [1000, 5000] as const;

export async function labSuite(_options: SuiteOptions): Promise<SuiteResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const pollIntervalMs of INTERVALS_MS) {
    const server = await startOwnServer();
    try {
      const options: LabOptions = {
        rate: 20,
        pollIntervalMs,
        longPollWaitS: 25,
        durationS: RUN_SECONDS,
        url: undefined,
        faults: ['drop'],
        lanes: ['poll', 'long_poll', 'sse', 'websocket'],
        adminPassword: server.adminPassword,
        username: undefined,
        password: undefined,
        out: '',
      };
      const { figures, details } = await runSession(options, server.url, server.url, server.adminPassword, () => {});
      for (const check of details.checks) {
        rows.push({
          measure: `poll ${pollIntervalMs / 1000} s · ${check.lane}: ${check.check}`,
          ours: check.value,
          peer: '-',
          ratio: '-',
          target: check.target,
          result: verdict(check.met),
        });
      }
      const clock = figures.clock;
      notes.push(
        `poll ${pollIntervalMs / 1000} s run: head ${details.finalHead}, ` +
          `clock offset ${clock ? `${clock.offsetMs.toFixed(1)} ms ± ${(clock.rttMs / 2).toFixed(1)} ms` : 'n/a'}` +
          (details.caughtUp ? '' : ', NOT every lane reached the head'),
      );
    } finally {
      await server.stop();
    }
  }
  return { title: `Transport lab fidelity (20 changes/s, ${RUN_SECONDS} s per run, drop fault)`, rows, notes };
}
