import { describe, expect, it } from 'vitest';
import { percentile, Samples } from './samples';

describe('percentile (nearest rank)', () => {
  it('matches the textbook examples', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it('is NaN without values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('Samples', () => {
  it('gives exact figures for 1..1000 added in any order, beyond the initial capacity', () => {
    const s = new Samples();
    const values = Array.from({ length: 1000 }, (_, i) => i + 1).reverse();
    for (let round = 0; round < 3; round++) for (const v of values) s.add(v);
    const d = s.distribution();
    expect(d).toEqual({ count: 3000, mean: 500.5, p50: 500, p95: 950, p99: 990, max: 1000 });
  });

  it('re-sorts after new samples arrive', () => {
    const s = new Samples();
    s.add(5);
    expect(s.distribution().max).toBe(5);
    s.add(9);
    expect(s.distribution().max).toBe(9);
  });
});
