// The fan-out measurements both servers go through in the same order, so neither gets a warmer or emptier heap.
// CPU and memory are read from /proc for the server's pid: the client pool's work never counts against it.
import { readFileSync } from 'node:fs';
import { liveHeapBytes } from './inspector.js';
import { processUsage } from './process-usage.js';
import type { DeliveryResult, SsePool, Trigger } from './sse-pool.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** /proc counts CPU in 10 ms ticks: enough events per measurement keep that under a few percent. */
const DELIVERIES_PER_MEASUREMENT = 100_000;
const MIN_ROUNDS = 20;
const WARM_UP_ROUNDS = 5;
const ROUND_GAP_MS = 20;
const ROUND_TIMEOUT_MS = 15_000;
/** Time for a server to finish what opening or closing thousands of streams set off before RSS is read. */
const SETTLE_MS = 3000;

export interface Target {
  name: string;
  pid: number;
  streamUrl: string;
  /** Text that arrives once a stream is registered and follows live events. */
  readyMarker: string;
  trigger: Trigger;
}

export interface FanOut {
  streams: number;
  cpuMs: number;
  /** Server CPU microseconds per delivered event. */
  cpuUsPerEvent: number;
  delivery: DeliveryResult;
  /** Measured in turns (`fanOutInterleaved`): CPU per delivered event in each turn, in µs. */
  turns?: number[];
}

export async function openStreams(pool: SsePool, target: Target, cookies: string[]): Promise<void> {
  const { open, failed } = await pool.open(target.streamUrl, cookies, target.readyMarker);
  if (failed > 0) throw new Error(`${target.name}: ${failed} of ${cookies.length} streams did not open (${open} open)`);
}

/** A server with its streams open in a pool of its own, for `fanOutInterleaved`. */
export interface Lane {
  pool: SsePool;
  target: Target;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `fanOut` for several servers in turns: each lane's rounds are cut into slices, and the slices alternate (the
 * order reversed every turn), so every server is measured across the same stretch of a shared machine's load
 * instead of one after the other. Latency percentiles are the medians of the slices' own.
 */
export async function fanOutInterleaved(lanes: Lane[], slices: number): Promise<FanOut[]> {
  const gaps = { gapMs: ROUND_GAP_MS, timeoutMs: ROUND_TIMEOUT_MS };
  const counts: number[] = [];
  for (const { pool, target } of lanes) {
    const warm = await pool.rounds(target.trigger, WARM_UP_ROUNDS, gaps);
    counts.push(Math.ceil(Math.max(MIN_ROUNDS, Math.ceil(DELIVERIES_PER_MEASUREMENT / warm.streams)) / slices));
  }
  const parts: { cpuMs: number; delivery: DeliveryResult }[][] = lanes.map(() => []);
  for (let slice = 0; slice < slices; slice++) {
    const order = lanes.map((_, i) => i);
    if (slice % 2 === 1) order.reverse();
    for (const i of order) {
      const { pool, target } = lanes[i]!;
      const before = processUsage(target.pid).cpuMs;
      const delivery = await pool.rounds(target.trigger, counts[i]!, gaps);
      parts[i]!.push({ cpuMs: processUsage(target.pid).cpuMs - before, delivery });
    }
  }
  return parts.map((slicesOfLane) => {
    const sum = (pick: (d: DeliveryResult) => number) => slicesOfLane.reduce((total, p) => total + pick(p.delivery), 0);
    const cpuMs = slicesOfLane.reduce((total, p) => total + p.cpuMs, 0);
    const first = slicesOfLane[0]!.delivery;
    const delivery: DeliveryResult = {
      streams: first.streams,
      planned: sum((d) => d.planned),
      events: sum((d) => d.events),
      delivered: sum((d) => d.delivered),
      expected: sum((d) => d.expected),
      duplicates: sum((d) => d.duplicates),
      lost: sum((d) => d.lost),
      refused: sum((d) => d.refused),
      p50Ms: median(slicesOfLane.map((p) => p.delivery.p50Ms)),
      p99Ms: median(slicesOfLane.map((p) => p.delivery.p99Ms)),
      maxMs: Math.max(...slicesOfLane.map((p) => p.delivery.maxMs)),
      triggerMs: sum((d) => d.triggerMs),
      totalMs: sum((d) => d.totalMs),
    };
    const turns = slicesOfLane.map((p) => (p.cpuMs * 1000) / Math.max(1, p.delivery.delivered));
    return { streams: delivery.streams, cpuMs, cpuUsPerEvent: (cpuMs * 1000) / delivery.delivered, delivery, turns };
  });
}

/** Broadcasts to every stream the pool has open, one broadcast at a time, after a warm-up that is not counted. */
export async function fanOut(pool: SsePool, target: Target): Promise<FanOut> {
  const gaps = { gapMs: ROUND_GAP_MS, timeoutMs: ROUND_TIMEOUT_MS };
  const warm = await pool.rounds(target.trigger, WARM_UP_ROUNDS, gaps);
  const count = Math.max(MIN_ROUNDS, Math.ceil(DELIVERIES_PER_MEASUREMENT / warm.streams));
  const before = processUsage(target.pid).cpuMs;
  const delivery = await pool.rounds(target.trigger, count, gaps);
  const cpuMs = processUsage(target.pid).cpuMs - before;
  return { streams: delivery.streams, cpuMs, cpuUsPerEvent: (cpuMs * 1000) / delivery.delivered, delivery };
}

/** What one idle stream costs a server, in bytes. */
export interface IdleStreamBytes {
  /** (RSS with the streams open − RSS before) / streams, as the process stands (garbage not yet collected counts). */
  rss: number;
  /** The same with both readings taken right after full collections; only with an inspector port. */
  rssCollected?: number;
  /** Live heap after full collections, grown per stream; only with an inspector port. */
  heap?: number;
}

/**
 * Opens `cookies.length` idle streams and reads what they cost. With the server's inspector port (see
 * inspector.ts), also after full collections: what the streams hold, apart from the garbage opening them left.
 */
export async function idleStreamBytes(pool: SsePool, target: Target, cookies: string[], inspectPort?: number): Promise<IdleStreamBytes> {
  const n = cookies.length;
  const rssNow = () => processUsage(target.pid).rssBytes;
  await sleep(SETTLE_MS);
  const rssBefore = rssNow();
  const collected = inspectPort === undefined ? undefined : { heap: await liveHeapBytes(inspectPort), rss: rssNow() };
  await openStreams(pool, target, cookies);
  await sleep(SETTLE_MS);
  const rss = (rssNow() - rssBefore) / n;
  if (inspectPort === undefined || collected === undefined) return { rss };
  const heap = ((await liveHeapBytes(inspectPort)) - collected.heap) / n;
  return { rss, rssCollected: (rssNow() - collected.rss) / n, heap };
}

/** Samples a process's RSS every second while `work` runs. */
export async function rssWhile<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; maxBytes: number; samples: number[] }> {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(processUsage(pid).rssBytes), 1000);
  try {
    const result = await work();
    return { result, maxBytes: Math.max(...samples, processUsage(pid).rssBytes), samples };
  } finally {
    clearInterval(timer);
  }
}

/** The soft limit on open files of this process; the servers and the pool inherit it. */
export function openFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
