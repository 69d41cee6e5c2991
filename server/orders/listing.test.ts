import { describe, expect, it } from 'vitest';
import { parseTimeParam } from './listing.js';
import { prefixUpperBound } from './orders-repository.js';

describe('time parameters', () => {
  it('reads epoch ms, UTC dates and RFC 3339 date-times', () => {
    expect(parseTimeParam('1767225600000', false)).toBe(1767225600000);
    expect(parseTimeParam('2026-01-01', false)).toBe(Date.UTC(2026, 0, 1));
    expect(parseTimeParam('2026-01-01', true)).toBe(Date.UTC(2026, 0, 2) - 1);
    expect(parseTimeParam('2026-01-01T10:30:00Z', false)).toBe(Date.UTC(2026, 0, 1, 10, 30));
    expect(parseTimeParam('2026-01-01T10:30+02:00', false)).toBe(Date.UTC(2026, 0, 1, 8, 30));
    expect(parseTimeParam('2026-01-01T10:30:00.250Z', false)).toBe(Date.UTC(2026, 0, 1, 10, 30, 0, 250));
  });

  it('refuses times that do not exist', () => {
    for (const raw of ['2026-02-30', '2026-13-01', '2026-02-30T10:00Z', '2026-01-01T24:00Z', '2026-01-01T10:60Z', '2026-01-01T10:00+25:00']) {
      expect(parseTimeParam(raw, false)).toBeUndefined();
    }
  });
});

describe('prefix ranges', () => {
  it('bounds every string that starts with the prefix', () => {
    expect(prefixUpperBound('ada')).toBe('adb');
    expect(prefixUpperBound('z')).toBe('{');
    expect(prefixUpperBound('é')).toBe('ê');
    const upper = prefixUpperBound('ab');
    for (const s of ['ab', 'ab\u{10FFFF}', 'abzzz']) expect(s < upper).toBe(true);
    expect('ac' < upper).toBe(false);
  });
});
