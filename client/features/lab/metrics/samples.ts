// Latency samples kept whole, so percentiles are exact rather than estimated from buckets: a lab run holds tens
// of thousands of samples at most, and a typed array sorts them in a few milliseconds when the figures are read.
export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const EMPTY_DISTRIBUTION: Distribution = { count: 0, mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };

/** Nearest-rank percentile of ascending values: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export class Samples {
  private values = new Float64Array(1024);
  private size = 0;
  private sum = 0;
  private sorted: Float64Array | undefined;

  add(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
    this.sum += value;
    this.sorted = undefined;
  }

  get count(): number {
    return this.size;
  }

  distribution(): Distribution {
    if (this.size === 0) return EMPTY_DISTRIBUTION;
    this.sorted ??= this.values.slice(0, this.size).sort();
    const sorted = this.sorted;
    return {
      count: this.size,
      mean: this.sum / this.size,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1]!,
    };
  }
}
