import { describe, expect, it } from 'vitest';
import { dueWrites, TICK_MS } from './ticker.js';

function run(rate: number, seconds: number): number {
  let carry = 0;
  let total = 0;
  for (let elapsed = 0; elapsed < seconds * 1000; elapsed += TICK_MS) {
    const due = dueWrites(carry, rate, TICK_MS);
    carry = due.carry;
    total += due.count;
  }
  return total;
}

describe('ticker pacing', () => {
  it('carries fractions across ticks, so slow rates still write', () => {
    expect(run(0.1, 9.9)).toBe(0);
    expect(run(0.1, 10)).toBe(1);
    expect(run(0.1, 60)).toBe(6);
    expect(run(2.5, 2)).toBe(5);
  });

  it('writes several per tick at high rates and keeps the exact total', () => {
    expect(dueWrites(0, 500, TICK_MS)).toEqual({ count: 25, carry: 0 });
    expect(run(500, 3)).toBe(1500);
    expect(run(33, 10)).toBe(330);
  });
});
