// Load generation on loopback only, bounded in time. Throughput comes from autocannon; single-request latency
// from a sequential sampler, where one slow request cannot hide behind concurrency.
import autocannon from 'autocannon';

export interface Throughput {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export async function throughput(
  url: string,
  options: { headers?: Record<string, string>; connections?: number; seconds?: number; expectStatus?: number } = {},
): Promise<Throughput> {
  assertLoopback(url);
  const result = await autocannon({
    url,
    headers: options.headers,
    connections: options.connections ?? 10,
    duration: options.seconds ?? 5,
    pipelining: 1,
  });
  const expected = options.expectStatus ?? 200;
  const matched = (result.statusCodeStats as Record<string, { count: number }> | undefined)?.[String(expected)]?.count;
  return {
    requestsPerSecond: (matched ?? result.requests.total) / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export interface LatencySample {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Times `count` sequential requests after a short warm-up. */
export async function sequentialLatency(url: string, headers: Record<string, string>, count = 200): Promise<LatencySample> {
  assertLoopback(url);
  const samples: number[] = [];
  for (let i = 0; i < count + 20; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok && res.status !== 304) throw new Error(`${url} answered ${res.status}`);
    if (i >= 20) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`benchmarks only talk to this machine, not ${host}`);
  }
}
