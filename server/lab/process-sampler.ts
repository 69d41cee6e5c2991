// CPU and event-loop delay of this process, sampled over fixed intervals so a reading describes "the last
// second or so" rather than the whole uptime: a stall shows up once, then fades out of the numbers.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProcessSample {
  cpuPercent: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  intervalMs: number;
}

export interface ProcessSampler {
  /** The last complete interval (zeros before the first one ends). */
  last(): ProcessSample;
  stop(): void;
}

const nsToMs = (ns: number) => Math.round(ns / 1e4) / 100;

export function createProcessSampler(intervalMs: number): ProcessSampler {
  // 10 ms resolution: fine enough for p99 of a busy loop, cheap enough to leave on.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let cpu = process.cpuUsage();
  let started = performance.now();
  let last: ProcessSample = { cpuPercent: 0, eventLoopDelayMs: { p50: 0, p99: 0, max: 0 }, intervalMs };

  const timer = setInterval(() => {
    const now = performance.now();
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

  return {
    last: () => last,
    stop() {
      clearInterval(timer);
      delay.disable();
    },
  };
}
