import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.js';

const answer = (version: number, bytes = 100) => ({ version, headers: { etag: `"${version}"` }, body: Buffer.alloc(bytes, version) });

describe('AnswerCache', () => {
  it('gives an answer back only at the version it was read at, and forgets it once the version moves', () => {
    const cache = new AnswerCache(1024 * 1024);
    cache.set('a', answer(3));
    expect(cache.get('a', 3)?.headers.etag).toBe('"3"');
    expect(cache.get('a', 4)).toBeUndefined();
    expect(cache.get('a', 3)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stays within its byte budget, dropping the least recently used answers first', () => {
    const cache = new AnswerCache(16 * 4096);
    for (let i = 0; i < 40; i++) cache.set(`k${i}`, answer(1, 3000));
    expect(cache.size).toBeLessThan(40);
    expect(cache.size * 3000).toBeLessThanOrEqual(16 * 4096);
    expect(cache.get('k39', 1)).toBeDefined();
    expect(cache.get('k0', 1)).toBeUndefined();
  });

  it('refuses an answer larger than a sixteenth of the budget', () => {
    const cache = new AnswerCache(16 * 1024);
    cache.set('big', answer(1, 2000));
    expect(cache.get('big', 1)).toBeUndefined();
  });

  it('keeps nothing with a budget of 0', () => {
    const cache = new AnswerCache(0);
    cache.set('a', answer(1));
    expect(cache.enabled).toBe(false);
    expect(cache.get('a', 1)).toBeUndefined();
  });
});
