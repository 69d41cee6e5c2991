// Loads baseline orders straight into the table. Seeded orders are the starting state, not events: they write
// no change rows, and the change feed starts after them.
import type { OpenDatabase } from '../db/open-database.js';
import { searchKey } from './orders-repository.js';
import { DAY_MS, sampleCustomer, sampleLine, statusForAge, type Random } from './sample-data.js';

export const SEED_SPAN_MS = 90 * DAY_MS;

export interface SeedOptions {
  count: number;
  /**
   * Rows per transaction. The first start loads everything in one; the command-line loader commits in chunks and
   * pauses between them, so a server using the same database can still write while it runs.
   */
  chunkSize?: number;
  pauseMs?: number;
  now?: number;
  random?: Random;
  onProgress?: (done: number, total: number) => void;
}

const INSERT = `insert into orders
  (created_at, updated_at, customer, customer_search, item, item_search, amount_cents, status, version)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const HOUR_MS = 60 * 60 * 1000;
const BULK_CACHE_KIB = 256 * 1024;

/** Inserts `count` orders created over the past 90 days, oldest first (ids follow creation time). */
export async function seedOrders(database: OpenDatabase, options: SeedOptions): Promise<void> {
  const { count, random = Math.random, now = Date.now(), onProgress } = options;
  const chunkSize = Math.max(1, options.chunkSize ?? count);
  // Creation times drawn first and sorted, so the table grows in time order as a real one would.
  const offsets = new Float64Array(count);
  for (let i = 0; i < count; i++) offsets[i] = random() * SEED_SPAN_MS;
  offsets.sort();

  for (let from = 0; from < count; from += chunkSize) {
    const to = Math.min(count, from + chunkSize);
    await database.bulk((sqlite) => {
      // Index pages inserted at random places (amounts, names) thrash the default 2 MB page cache.
      const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
      sqlite.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
      try {
        const insert = sqlite.prepare(INSERT);
        sqlite.transaction(() => {
          for (let i = from; i < to; i++) {
            const createdAt = Math.floor(now - SEED_SPAN_MS + offsets[i]!);
            const { status, updates } = statusForAge(now - createdAt, random);
            const updatedAt = Math.min(now, createdAt + Math.floor(updates * (HOUR_MS + random() * 47 * HOUR_MS)));
            const customer = sampleCustomer(random);
            const { item, amount_cents } = sampleLine(random);
            insert.run(createdAt, updatedAt, customer, searchKey(customer), item, searchKey(item), amount_cents, status, updates + 1);
          }
        })();
      } finally {
        sqlite.pragma(`cache_size = ${cacheSize}`);
      }
    });
    onProgress?.(to, count);
    if (options.pauseMs && to < count) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
}
