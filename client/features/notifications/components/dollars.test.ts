import { describe, expect, it } from 'vitest';
import { formatDollars, parseDollars } from './dollars';

describe('dollars', () => {
  it('reads amounts as people type them', () => {
    expect(parseDollars('1000')).toBe(100_000);
    expect(parseDollars(' $1,250.5 ')).toBe(125_050);
    expect(parseDollars('0.07')).toBe(7);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '1.234', '-5', '1e3']) expect(parseDollars(text)).toBeUndefined();
  });

  it('formats cents with two decimals', () => {
    expect(formatDollars(100_000)).toBe('1000.00');
    expect(formatDollars(7)).toBe('0.07');
  });
});
