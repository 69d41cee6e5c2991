import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../db/open-database.js';
import { tempDatabase } from '../test/helpers.js';
import { createOrdersRepository } from './orders-repository.js';
import { seededRandom } from './sample-data.js';
import { SEED_SPAN_MS, seedOrders } from './seed.js';

let database: OpenDatabase;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await tempDatabase('seed'));
});
afterAll(() => dispose());

describe('seeding', () => {
  it('loads varied orders over the past 90 days, in creation order, without change rows', async () => {
    const repo = createOrdersRepository(database.db);
    expect(await repo.isPristine()).toBe(true);
    const now = Date.now();
    const progress: number[] = [];
    await seedOrders(database, { count: 2000, chunkSize: 500, now, random: seededRandom(1), onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([500, 1000, 1500, 2000]);

    const rows = await database.db.selectFrom('orders').selectAll().orderBy('id').execute();
    expect(rows).toHaveLength(2000);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.created_at).toBeGreaterThanOrEqual(rows[i - 1]!.created_at);
    for (const row of rows) {
      expect(row.created_at).toBeGreaterThanOrEqual(now - SEED_SPAN_MS);
      expect(row.updated_at).toBeGreaterThanOrEqual(row.created_at);
      expect(row.updated_at).toBeLessThanOrEqual(now);
      expect(Number.isInteger(row.amount_cents) && row.amount_cents > 0).toBe(true);
      expect(row.customer_search).toBe(row.customer.toLowerCase());
    }
    const distinct = (pick: (r: (typeof rows)[number]) => unknown) => new Set(rows.map(pick)).size;
    expect(distinct((r) => r.status)).toBe(5);
    expect(distinct((r) => r.customer)).toBeGreaterThan(500);
    expect(distinct((r) => r.item)).toBeGreaterThan(20);
    expect(distinct((r) => r.amount_cents)).toBeGreaterThan(1000);
    expect(await repo.lastSeq()).toBe(0);
    expect(await repo.isPristine()).toBe(false);
  });
});
