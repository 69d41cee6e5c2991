import { describe, expect, it } from 'vitest';
import { isForeignOrigin } from './security.js';

describe('isForeignOrigin', () => {
  const own = 'http://localhost:3000';
  it('accepts the own origin and allowed ones', () => {
    expect(isForeignOrigin(own, undefined, own, [])).toBe(false);
    expect(isForeignOrigin('https://dash.example', undefined, own, ['https://dash.example'])).toBe(false);
  });
  it('refuses other origins, including another port of the same host', () => {
    expect(isForeignOrigin('https://evil.example', undefined, own, [])).toBe(true);
    expect(isForeignOrigin('http://localhost:4000', undefined, own, [])).toBe(true);
  });
  it('falls back to Sec-Fetch-Site when a browser sends no Origin', () => {
    expect(isForeignOrigin(undefined, 'cross-site', own, [])).toBe(true);
    expect(isForeignOrigin(undefined, 'same-origin', own, [])).toBe(false);
    expect(isForeignOrigin(undefined, undefined, own, [])).toBe(false);
  });
});
