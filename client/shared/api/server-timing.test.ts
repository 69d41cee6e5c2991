import { describe, expect, it } from 'vitest';
import { isReusedAnswer, parseServerTiming, serverTimeMs } from './server-timing';

describe('parseServerTiming', () => {
  it('reads names, durations and descriptions', () => {
    expect(parseServerTiming('db;dur=12.5;desc="Database", cache;desc=hit, total;dur=20')).toEqual([
      { name: 'db', dur: 12.5, desc: 'Database' },
      { name: 'cache', desc: 'hit' },
      { name: 'total', dur: 20 },
    ]);
  });

  it('keeps commas and semicolons inside quoted descriptions', () => {
    expect(parseServerTiming('db;desc="a, b; c";dur=3')).toEqual([{ name: 'db', desc: 'a, b; c', dur: 3 }]);
  });

  it('tolerates spaces and upper-case parameter names', () => {
    expect(parseServerTiming(' db ; DUR = 4 ')).toEqual([{ name: 'db', dur: 4 }]);
  });

  it('skips malformed parts and bad durations', () => {
    expect(parseServerTiming('db;dur=abc, ;dur=3, "quoted";dur=1, ok;dur=-1')).toEqual([{ name: 'db' }, { name: 'ok' }]);
  });

  it('returns nothing for a missing or empty header', () => {
    expect(parseServerTiming(null)).toEqual([]);
    expect(parseServerTiming(undefined)).toEqual([]);
    expect(parseServerTiming('')).toEqual([]);
  });
});

describe('serverTimeMs', () => {
  it('prefers the named metric', () => {
    expect(serverTimeMs('app;dur=9, db;dur=2.25')).toBe(2.25);
  });

  it('sums every duration when the named metric is absent', () => {
    expect(serverTimeMs('read;dur=1.5, count;dur=2')).toBe(3.5);
  });

  it('is undefined when there is no duration', () => {
    expect(serverTimeMs('cache;desc=hit')).toBeUndefined();
    expect(serverTimeMs(null)).toBeUndefined();
  });
});

describe('isReusedAnswer', () => {
  it('is true only for a cache metric described as a hit', () => {
    expect(isReusedAnswer('db;dur=0, cache;desc="hit"')).toBe(true);
    expect(isReusedAnswer('cache;desc=hit')).toBe(true);
    expect(isReusedAnswer('db;dur=1.2')).toBe(false);
    expect(isReusedAnswer('cache;desc="miss"')).toBe(false);
    expect(isReusedAnswer(null)).toBe(false);
  });
});
