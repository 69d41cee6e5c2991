// Latencies go into fixed buckets instead of an array: a soak records millions of arrivals, and the percentiles
// of a 0.1 ms grid are finer than anything the suite reports.
const BUCKET_MS = 0.1;
const BUCKETS = 1_200_000; // 120 s, longer than a soak's backlog lasts; anything slower lands in the last bucket

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private total = 0;
  private max = 0;

  record(ms: number): void {
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.counts[bucket]! += 1;
    this.total += 1;
    if (ms > this.max) this.max = ms;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.max = 0;
  }

  summary(): { count: number; p50Ms: number; p99Ms: number; maxMs: number } {
    return { count: this.total, p50Ms: this.percentile(50), p99Ms: this.percentile(99), maxMs: this.max };
  }

  private percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return (i + 1) * BUCKET_MS;
    }
    return this.max;
  }
}
