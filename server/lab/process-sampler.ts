// CPU and event-loop delay of this process, sampled over fixed intervals so a reading describes "the last
// second or so" rather than the whole uptime: a stall shows up once, then fades out of the numbers.
// Sampling runs only while someone reads it. The delay monitor wakes the process a hundred times a second, which
// an idle server should not pay for; the lab's stats are read every second while it is open, and the first
// reading after a pause is zeros until one interval has passed, as at start-up.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ProcessSample {
  cpuPercent: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  intervalMs: number;
}

export interface ProcessSampler {
  /** The last complete interval (zeros before the first one ends); starts sampling when it is not running. */
  last(): ProcessSample;
  /** Whether sampling runs: from a `last()` until `idleStopMs` pass without one. */
  active(): boolean;
  stop(): void;
}

const nsToMs = (ns: number) => Math.round(ns / 1e4) / 100;
const NOTHING_YET: ProcessSample = { cpuPercent: 0, eventLoopDelayMs: { p50: 0, p99: 0, max: 0 }, intervalMs: 0 };

export function createProcessSampler(intervalMs: number, idleStopMs = 30_000): ProcessSampler {
  let running: { delay: IntervalHistogram; timer: NodeJS.Timeout } | undefined;
  let lastRead = 0;
  let last = NOTHING_YET;

  function start() {
    // 10 ms resolution: fine enough for p99 of a busy loop.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let cpu = process.cpuUsage();
    let started = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - lastRead > idleStopMs) return stop();
      const used = process.cpuUsage(cpu);
      const elapsedUs = (now - started) * 1000;
      last = {
        cpuPercent: elapsedUs > 0 ? Math.round(((used.user + used.system) / elapsedUs) * 1000) / 10 : 0,
        // The histogram starts with no samples until the first tick: NaN then, reported as 0.
        eventLoopDelayMs: {
          p50: nsToMs(delay.percentile(50) || 0),
          p99: nsToMs(delay.percentile(99) || 0),
          max: nsToMs(delay.max || 0),
        },
        intervalMs: Math.round(now - started),
      };
      cpu = process.cpuUsage();
      started = now;
      delay.reset();
    }, intervalMs);
    timer.unref();
    running = { delay, timer };
  }

  function stop() {
    if (!running) return;
    clearInterval(running.timer);
    running.delay.disable();
    running = undefined;
    last = NOTHING_YET;
  }

  return {
    last() {
      lastRead = performance.now();
      if (!running) start();
      return last;
    },
    active: () => running !== undefined,
    stop,
  };
}
