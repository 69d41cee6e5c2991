// The hand-prepared list reads against the portable Kysely ones (plain OFFSET), on the same database, while rows
// are inserted, moved and deleted between reads by this connection and by another one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { ORDER_STATUSES } from '../contract/orders.js';
import type { OpenDatabase } from '../db/open-database.js';
import { tempDatabase } from '../test/helpers.js';
import { sqliteConnectionOf } from '../db/statement-cache.js';
import {
  createOrdersRepository,
  createPortableOrdersRepository,
  searchKey,
  type OrderFilters,
  type OrderSortSpec,
  type OrdersRepository,
} from './orders-repository.js';
import { STRIDE } from './page-positions.js';
import { seededRandom } from './sample-data.js';
import { seedOrders } from './seed.js';
import { createSqliteListReads, type SyncReads } from './sqlite-list-reads.js';

let database: OpenDatabase;
let dispose: () => Promise<void>;
let portable: OrdersRepository;
let fast: SyncReads;
let other: SQLite.Database;
const random = seededRandom(5);

beforeAll(async () => {
  ({ database, dispose } = await tempDatabase('list-reads'));
  await seedOrders(database, { count: 12 * STRIDE + 40, random: seededRandom(3) });
  portable = createPortableOrdersRepository(database.db);
  const sqlite = await sqliteConnectionOf(database.db);
  if (!sqlite) throw new Error('no SQLite connection behind the statement cache');
  fast = createSqliteListReads(sqlite);
  other = new SQLite(sqlite.name);
});
afterAll(async () => {
  other.close();
  await dispose();
});

const SORTS: OrderSortSpec[] = (['created_at', 'amount_cents', 'id'] as const).flatMap((column) =>
  (['asc', 'desc'] as const).map((order) => ({ column, order })),
);
const FILTERS: OrderFilters[] = [
  {},
  { statuses: ['paid'] },
  { statuses: ['cancelled', 'shipped'] },
  { prefix: 'a' },
  { prefix: 'ma', statuses: ['paid', 'pending'] },
];

function newOrder(at: number) {
  const customer = `Customer ${Math.floor(random() * 1e6)}`;
  const item = 'Widget';
  return {
    created_at: at,
    updated_at: at,
    customer,
    customer_search: searchKey(customer),
    item,
    item_search: searchKey(item),
    amount_cents: 1 + Math.floor(random() * 500_000),
    status: ORDER_STATUSES[Math.floor(random() * ORDER_STATUSES.length)]!,
    version: 1,
  };
}

/** Inserts, moves (amount and status) and deletes rows through Kysely's connection. */
async function writeHere(): Promise<void> {
  const ids = (await portable.newest(400)).map((o) => o.id);
  await portable.transaction(async (w) => {
    for (let i = 0; i < 5; i++) await w.insert(newOrder(Date.now() - Math.floor(random() * 90 * 86_400_000)));
    for (let i = 0; i < 5; i++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      await w.update(id, { amount_cents: 1 + Math.floor(random() * 500_000), status: 'refunded' }, undefined, Date.now());
    }
    for (let i = 0; i < 5; i++) await w.delete(ids[Math.floor(random() * ids.length)]!, undefined);
  });
}

/** Inserts and deletes rows from another connection, as the seed command does. */
function writeElsewhere(): void {
  const insert = other.prepare(
    'insert into orders (created_at, updated_at, customer, customer_search, item, item_search, amount_cents, status, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  other.transaction(() => {
    for (let i = 0; i < 5; i++) {
      const o = newOrder(Date.now() - Math.floor(random() * 90 * 86_400_000));
      insert.run(o.created_at, o.updated_at, o.customer, o.customer_search, o.item, o.item_search, o.amount_cents, o.status, o.version);
    }
    other.prepare('delete from orders where id in (select id from orders order by random() limit 5)').run();
  })();
}

describe('SQLite list reads', () => {
  it('return the same pages as OFFSET at every depth, for every sort and filter, while rows are written', async () => {
    const total = await portable.count({});
    const offsets = [0, 1, STRIDE - 1, STRIDE, STRIDE + 1, 5 * STRIDE + 7, total - 30, total - 1, total, total + 200];
    for (let round = 0; round < 4; round++) {
      for (const sort of SORTS) {
        for (const filters of FILTERS) {
          for (const offset of offsets) {
            const expected = await portable.page(filters, sort, offset, 50);
            expect(fast.page(filters, sort, offset, 50), `round ${round} ${JSON.stringify([sort, filters, offset])}`).toEqual(expected);
          }
        }
      }
      if (round % 2 === 0) await writeHere();
      else writeElsewhere();
    }
  });

  it('seek and count as the portable reads do', async () => {
    const keys = await portable.page({}, { column: 'id', order: 'asc' }, 0, 2000);
    for (const sort of SORTS) {
      for (const filters of FILTERS) {
        expect(fast.count(filters)).toBe(await portable.count(filters));
        for (let i = 0; i < 5; i++) {
          const row = keys[Math.floor(random() * keys.length)]!;
          const from = { value: row[sort.column], id: row.id };
          for (const forward of [true, false]) {
            const expected = await portable.seek(filters, sort, { forward, from }, 30);
            expect(fast.seek(filters, sort, { forward, from }, 30)).toEqual(expected);
          }
        }
        expect(fast.seek(filters, sort, { forward: false }, 30)).toEqual(await portable.seek(filters, sort, { forward: false }, 30));
      }
    }
  });

  it('never read inside an open transaction: they wait for its commit or rollback', async () => {
    const repo = createOrdersRepository(database.db);
    const before = await repo.count({});
    let pending: Promise<number> | undefined;
    await portable.transaction(async (w) => {
      await w.insert(newOrder(Date.now()));
      pending = repo.count({});
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(await pending).toBe(before + 1);

    const rollback = portable.transaction(async (w) => {
      await w.insert(newOrder(Date.now()));
      pending = repo.count({});
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('changed my mind');
    });
    await expect(rollback).rejects.toThrow('changed my mind');
    expect(await pending).toBe(before + 1);
  });
});
