import { describe, expect, it } from 'vitest';
import { etagOf, ifNoneMatchHits } from './etag.js';

describe('ETags', () => {
  const tag = etagOf('{"a":1}');

  it('are strong, quoted and stable', () => {
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(etagOf('{"a":1}')).toBe(tag);
    expect(etagOf('{"a":2}')).not.toBe(tag);
  });

  it('match If-None-Match weakly, in lists, and on *', () => {
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"x", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"x"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});
