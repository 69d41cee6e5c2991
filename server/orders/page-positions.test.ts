import { describe, expect, it } from 'vitest';
import type { SortKey } from './orders-repository.js';
import { PagePositions, PositionsCache, STRIDE, type KeySource } from './page-positions.js';
import { seededRandom } from './sample-data.js';

/** A listing kept as a sorted array, read the way SQLite reads an index: past a key, then skip. */
function listing(keys: SortKey[]): KeySource & { reads: number } {
  const source = {
    reads: 0,
    keyAfter(from: SortKey | undefined, skip: number) {
      source.reads += 1;
      const first = from ? keys.findIndex((k) => k.value > from.value || (k.value === from.value && k.id > from.id)) : 0;
      return first < 0 ? undefined : keys[first + skip];
    },
  };
  return source;
}

const byKey = (a: SortKey, b: SortKey) => a.value - b.value || a.id - b.id;

/** The page as OFFSET returns it, and as the positions find it. */
function pages(keys: SortKey[], positions: PagePositions, offset: number, limit: number) {
  const expected = keys.slice(offset, offset + limit);
  const start = positions.start(offset, listing(keys));
  if (!start) return { expected, actual: [] };
  const past = start.from ? keys.findIndex((k) => byKey(k, start.from!) > 0) : 0;
  return { expected, actual: past < 0 ? [] : keys.slice(past + start.skip, past + start.skip + limit) };
}

describe('page positions', () => {
  const random = seededRandom(11);
  // Repeated sort values, so the id tie-breaker decides.
  const keys = Array.from({ length: 5 * STRIDE + 37 }, (_, i) => ({ value: Math.floor(random() * 300), id: i + 1 })).sort(byKey);

  it('find every page where OFFSET does, up to and past the end', () => {
    const positions = new PagePositions('v1');
    const offsets = [0, 1, STRIDE - 1, STRIDE, STRIDE + 1, 2 * STRIDE - 1, 3 * STRIDE + 5, keys.length - 1, keys.length, keys.length + STRIDE];
    for (const offset of [...offsets, ...Array.from({ length: 200 }, () => Math.floor(random() * (keys.length + 50)))]) {
      for (const limit of [1, 25, 100]) {
        const { expected, actual } = pages(keys, positions, offset, limit);
        expect(actual, `offset ${offset} limit ${limit}`).toEqual(expected);
      }
    }
  });

  it('skip fewer than a stride once learned, and learn only as deep as asked', () => {
    const positions = new PagePositions('v1');
    const first = listing(keys);
    positions.start(3 * STRIDE + 10, first);
    expect(first.reads).toBe(3);
    const again = listing(keys);
    const start = positions.start(3 * STRIDE + 10, again);
    expect(again.reads).toBe(0);
    expect(start?.skip).toBe(10);
  });

  it('are dropped when the version changes, and equal OFFSET again after inserts and deletes', () => {
    const cache = new PositionsCache();
    let current = [...keys];
    let nextId = keys.length + 1;
    for (let version = 0; version < 30; version++) {
      const positions = cache.get('listing', `v${version}`);
      for (let probe = 0; probe < 10; probe++) {
        const offset = Math.floor(random() * (current.length + 10));
        const { expected, actual } = pages(current, positions, offset, 50);
        expect(actual, `version ${version} offset ${offset}`).toEqual(expected);
      }
      // Between versions: rows inserted anywhere in the order and rows deleted, as writes would.
      for (let i = 0; i < 20; i++) current.push({ value: Math.floor(random() * 300), id: nextId++ });
      current = current.filter(() => random() > 0.05).sort(byKey);
    }
    expect(cache.get('listing', 'v29')).toBe(cache.get('listing', 'v29'));
    expect(cache.get('listing', 'v30')).not.toBe(cache.get('listing', 'v29'));
  });
});
