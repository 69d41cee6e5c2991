// Page mode's deep pages. `OFFSET n` reads and drops n rows on every request, so page N of a large table costs
// O(N) however often it is asked for. A listing's positions remember the key of every STRIDE-th row; page N
// then starts from the nearest remembered key and skips fewer than STRIDE rows. The positions are exact for one
// state of the table only: the caller tags them with a version that changes on every commit and reads the
// version, the positions and the page in one snapshot, so the page always equals what OFFSET would return.
import type { SortKey } from './orders-repository.js';

export const STRIDE = 128;
const MAX_LISTINGS = 32;

export interface KeySource {
  /** The key of the row `skip` rows past `from` (past the start when undefined), or undefined when there is none. */
  keyAfter(from: SortKey | undefined, skip: number): SortKey | undefined;
}

/** Row `offset` is the row `skip` rows past `from`. */
export interface Start {
  from: SortKey | undefined;
  skip: number;
}

export class PagePositions {
  // Position (j + 1) * STRIDE - 1 holds the key (values[j], ids[j]).
  private readonly values: number[] = [];
  private readonly ids: number[] = [];
  private ended = false;

  constructor(readonly version: string) {}

  /** Where row `offset` starts, learning positions as far as needed; undefined when the list is shorter. */
  start(offset: number, source: KeySource): Start | undefined {
    const strides = Math.floor(offset / STRIDE);
    if (strides === 0) return { from: undefined, skip: offset };
    const j = strides - 1;
    while (this.values.length <= j && !this.ended) {
      const n = this.values.length;
      const key = source.keyAfter(n ? { value: this.values[n - 1]!, id: this.ids[n - 1]! } : undefined, STRIDE - 1);
      if (key) {
        this.values.push(key.value);
        this.ids.push(key.id);
      } else {
        this.ended = true;
      }
    }
    if (this.values.length <= j) return undefined;
    return { from: { value: this.values[j]!, id: this.ids[j]! }, skip: offset - strides * STRIDE };
  }
}

/** Positions per listing (filters and sort), the least recently used dropped first. */
export class PositionsCache {
  private readonly listings = new Map<string, PagePositions>();

  /** The listing's positions for this version of the table, fresh when the table has changed since. */
  get(listing: string, version: string): PagePositions {
    let positions = this.listings.get(listing);
    this.listings.delete(listing);
    if (positions?.version !== version) positions = new PagePositions(version);
    this.listings.set(listing, positions);
    if (this.listings.size > MAX_LISTINGS) this.listings.delete(this.listings.keys().next().value!);
    return positions;
  }
}
