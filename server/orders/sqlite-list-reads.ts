// The list reads (page, seek, count) on SQLite's own connection with statements prepared once per query shape.
// Through Kysely each list request paid for building and compiling the query, a row object per row and a copy of
// it; here the SQL text comes from list-sql.ts, each row comes back as one JSON array and becomes a wire-shaped
// order once, and page mode finds deep pages through page-positions.ts instead of reading and dropping OFFSET rows.
// Any other database keeps the portable Kysely reads: see `withSqliteListReads`.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { OrderStatus } from '../contract/orders.js';
import type { Database } from '../db/schema.js';
import { sqliteOr } from '../db/statement-cache.js';
import { ALL_INDEXES, breakEven, filtersToProbe, type IndexUse } from './index-use.js';
import { countSql, LIST_COLUMNS, listSql, reachesSql, type ListShape, type Sql } from './list-sql.js';
import type { OrderFilters, OrderRecord, OrderSortSpec, OrdersRepository, Seek, SortKey } from './orders-repository.js';
import { PositionsCache, STRIDE } from './page-positions.js';

const MAX_STATEMENTS = 200;

/** The repository's list reads, synchronous. */
export interface SyncReads {
  page(filters: OrderFilters, sort: OrderSortSpec, offset: number, limit: number): OrderRecord[];
  seek(filters: OrderFilters, sort: OrderSortSpec, seek: Seek, limit: number): OrderRecord[];
  count(filters: OrderFilters): number;
}

function recordOf(json: string): OrderRecord {
  const row = JSON.parse(json) as unknown[];
  return {
    id: row[0] as number,
    created_at: row[1] as number,
    updated_at: row[2] as number,
    customer: row[3] as string,
    item: row[4] as string,
    amount_cents: row[5] as number,
    status: row[6] as OrderStatus,
    version: row[7] as number,
  };
}

const listingOf = (f: OrderFilters, sort: OrderSortSpec) =>
  JSON.stringify([f.statuses ?? null, f.prefix ?? null, f.createdFrom ?? null, f.createdTo ?? null, sort.column, sort.order]);

/** Synchronous reads; call them only while no transaction is open on the connection (see `withSqliteListReads`). */
export function createSqliteListReads(sqlite: SQLite.Database): SyncReads {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (text: string, mode: 'rows' | 'value'): SQLite.Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      if (mode === 'rows') statement.raw(true);
      else statement.pluck(true);
      statements.set(text, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };
  const rows = (sql: Sql) => prepared(sql.text, 'rows').all(...sql.params) as unknown[][];
  const value = (sql: Sql) => prepared(sql.text, 'value').get(...sql.params);
  const orders = (sql: Sql) => (prepared(sql.text, 'value').all(...sql.params) as string[]).map(recordOf);

  // total_changes() moves with every write on this connection, data_version with every commit by another one
  // (the seed command): together they change whenever the table may have.
  const version = () => String(value({ text: "select total_changes() || ':' || data_version from pragma_data_version", params: [] }));
  const begin = sqlite.prepare('begin');
  const commit = sqlite.prepare('commit');
  const rollback = sqlite.prepare('rollback');
  function snapshot<T>(work: () => T): T {
    begin.run();
    try {
      const result = work();
      commit.run();
      return result;
    } catch (error) {
      rollback.run();
      throw error;
    }
  }

  function indexUse(filters: OrderFilters, sort: OrderSortSpec, reading: number): IndexUse {
    const probe = filtersToProbe(filters, sort);
    if (!probe.status && !probe.prefix) return ALL_INDEXES;
    const atLeast = breakEven(reading, Number(value({ text: 'select max(id) from orders', params: [] }) ?? 0));
    const reaches = (only: OrderFilters) => value(reachesSql(only, atLeast, ALL_INDEXES)) === 1;
    return {
      status: !(probe.status && reaches({ statuses: filters.statuses })),
      prefix: !(probe.prefix && reaches({ prefix: filters.prefix })),
    };
  }

  const keyColumns = (shape: ListShape) => `${shape.sort.column}, id`;
  const keyAfter = (shape: ListShape, from: SortKey | undefined, skip: number): SortKey | undefined => {
    const [row] = rows(listSql({ ...shape, from }, keyColumns(shape), 1, skip));
    return row && { value: row[0] as number, id: row[1] as number };
  };

  // Positions only pay when the plan walks an index in sort order; a plan that collects and sorts the matches
  // would sort them again for every stride.
  const walks = new Map<string, boolean>();
  function walksInOrder(shape: ListShape): boolean {
    const sql = listSql({ ...shape, from: { value: 0, id: 0 } }, keyColumns(shape), 1, STRIDE - 1);
    let known = walks.get(sql.text);
    if (known === undefined) {
      const plan = sqlite.prepare(`explain query plan ${sql.text}`).all(...sql.params) as { detail: string }[];
      known = !plan.some((step) => step.detail.includes('TEMP B-TREE'));
      walks.set(sql.text, known);
    }
    return known;
  }

  const positions = new PositionsCache();

  return {
    page(filters, sort, offset, limit) {
      const shape: ListShape = { filters, sort, use: indexUse(filters, sort, offset + limit), forward: true };
      if (offset < STRIDE || !walksInOrder(shape)) return orders(listSql(shape, LIST_COLUMNS, limit, offset));
      return snapshot(() => {
        const start = positions.get(listingOf(filters, sort), version()).start(offset, {
          keyAfter: (from, skip) => keyAfter(shape, from, skip),
        });
        return start ? orders(listSql({ ...shape, from: start.from }, LIST_COLUMNS, limit, start.skip)) : [];
      });
    },
    seek(filters, sort, seek, limit) {
      const shape: ListShape = { filters, sort, use: indexUse(filters, sort, limit), forward: seek.forward, from: seek.from };
      return orders(listSql(shape, LIST_COLUMNS, limit));
    },
    count: (filters) => Number(value(countSql(filters, ALL_INDEXES))),
  };
}

/**
 * `repo` with its list reads done by `createSqliteListReads` when `db` runs on SQLite through the statement cache.
 * A read must not see another caller's uncommitted rows: `sqliteOr` runs it outside any open transaction.
 */
export function withSqliteListReads(db: Kysely<Database>, repo: OrdersRepository): OrdersRepository {
  const fastOr = sqliteOr(db, createSqliteListReads);
  return {
    ...repo,
    page: (f, sort, offset, limit) => fastOr((r) => r.page(f, sort, offset, limit), () => repo.page(f, sort, offset, limit)),
    seek: (f, sort, seek, limit) => fastOr((r) => r.seek(f, sort, seek, limit), () => repo.seek(f, sort, seek, limit)),
    count: (f) => fastOr((r) => r.count(f), () => repo.count(f)),
  };
}
