// The 30 s soak of the notifications suite: 200 broadcasts a second to 1,000 open streams, every event checked
// on every stream, and the server's memory before against once idle again. Growth is judged on the live heap
// (after collections asked for through the inspector): RSS keeps what the allocator and V8 took during the load
// and gives it back when it pleases, so it is reported, not judged.
import { fixed, ratio, verdict, type Row } from '../lib/table.js';
import { processUsage } from '../lib/process-usage.js';
import { SOAK_OVERRUN, type DeliveryResult, type SsePool } from '../lib/sse-pool.js';
import { rssWhile, sleep, type Target } from '../lib/fan-out.js';
import { liveHeapBytes } from '../lib/inspector.js';

const SOAK = { perSecond: 200, seconds: 30, drainTimeoutMs: 60_000 };
const IDLE_MS = 10_000;
/** Live heap growth still called "none": a few caches and compiled code settle, a leak grows with the events. */
const GROWTH_TOLERANCE = 0.05;

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${fixed(bytes / MiB, 1)} MiB`;
export const complete = (d: DeliveryResult) => d.delivered === d.expected && d.duplicates === 0 && d.lost === 0 && d.refused === 0;

/** 200 broadcasts a second to 1,000 streams for 30 s; then memory once idle again against memory before. */
export async function soak(pool: SsePool, target: Target, inspectPort: number): Promise<{ rows: Row[]; notes: string[] }> {
  await sleep(3000);
  const before = { ...processUsage(target.pid), heap: await liveHeapBytes(inspectPort) };
  const { result: d, maxBytes } = await rssWhile(target.pid, () => pool.soak(target.trigger, SOAK));
  const end = processUsage(target.pid);
  await sleep(IDLE_MS);
  const idle = { rssBytes: processUsage(target.pid).rssBytes, heap: await liveHeapBytes(inspectPort) };
  const rate = d.events / (d.triggerMs / 1000);
  const sustained = d.events === d.planned && d.triggerMs <= SOAK.seconds * 1000 * 1.05;
  const label = `soak: ${SOAK.perSecond} events/s to ${d.streams.toLocaleString('en')} streams for ${SOAK.seconds} s`;
  const n = (v: number) => v.toLocaleString('en');
  return {
    rows: [
      { measure: `${label}: events sent`, ours: `${n(d.events)} of ${n(d.planned)} in ${fixed(d.triggerMs / 1000, 1)} s (${fixed(rate, 0)}/s)`, peer: '-', ratio: '-', target: `${SOAK.perSecond}/s for ${SOAK.seconds} s`, result: verdict(sustained) },
      { measure: `${label}: deliveries`, ours: `${n(d.delivered)} of ${n(d.expected)}`, peer: '-', ratio: '-', target: 'every event', result: verdict(complete(d) && d.events > 0) },
      { measure: `${label}: latency p50 / p99`, ours: `${fixed(d.p50Ms)} / ${fixed(d.p99Ms)} ms`, peer: '-', ratio: '-', target: 'reported', result: '-' },
      { measure: `${label}: live heap before → ${IDLE_MS / 1000} s after`, ours: `${mib(before.heap)} → ${mib(idle.heap)}`, peer: '-', ratio: ratio(idle.heap / before.heap), target: `≤ +${GROWTH_TOLERANCE * 100}%`, result: verdict(idle.heap <= before.heap * (1 + GROWTH_TOLERANCE)) },
      { measure: `${label}: RSS before → ${IDLE_MS / 1000} s after`, ours: `${mib(before.rssBytes)} → ${mib(idle.rssBytes)}`, peer: '-', ratio: ratio(idle.rssBytes / before.rssBytes), target: 'reported', result: '-' },
    ],
    notes: [
      `soak: the last delivery came ${fixed(d.totalMs / 1000, 1)} s after the first trigger; ${d.duplicates} duplicates, ${d.lost} streams lost, ` +
        `${d.refused} triggers refused; ${fixed((end.cpuMs - before.cpuMs) / 1000, 1)} s server CPU ` +
        `(${fixed(((end.cpuMs - before.cpuMs) * 1000) / Math.max(1, d.delivered), 2)} µs per delivered event)`,
      `soak memory: RSS ${mib(before.rssBytes)} before, ${mib(maxBytes)} at most during, ${mib(end.rssBytes)} at the end, ` +
        `${mib(idle.rssBytes)} after ${IDLE_MS / 1000} s idle. The soak always lasts ${SOAK.seconds} s, whatever --seconds says; ` +
        `triggers stop at ${SOAK.seconds * SOAK_OVERRUN} s even if fewer were sent`,
    ],
  };
}
