import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, formatSeqs } from './format';

describe('lab formats', () => {
  it('keeps milliseconds readable across magnitudes', () => {
    expect(formatMs(1.234)).toBe('1.2 ms');
    expect(formatMs(512.4)).toBe('512 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatMs(Number.NaN)).toBe('–');
  });

  it('uses decimal units for bytes', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(2_500_000)).toBe('2.50 MB');
  });

  it('formats ratios and seq lists', () => {
    expect(formatRatio(1.5)).toBe('1.50');
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatSeqs([3, 4], 2)).toBe('#3, #4');
    expect(formatSeqs([3, 4], 7)).toBe('#3, #4 and 5 more');
  });
});
