// Storage of orders and their change log. Writes happen only inside `transaction`, through the orders service,
// which pairs every write with its change row.
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ChangeKind, Order, OrderStatus } from '../contract/orders.js';
import type { Database, NewOrder, OrderChangeRow, OrderRow } from '../db/schema.js';
import { ALL_INDEXES, breakEven, filtersToProbe, type IndexUse } from './index-use.js';
import { prefixUpperBound } from './list-sql.js';
import { withSqliteListReads } from './sqlite-list-reads.js';

export { prefixUpperBound };

/** The columns of the wire shape; the search keys stay in the table and its indexes. */
const ORDER_COLUMNS = ['id', 'created_at', 'updated_at', 'customer', 'item', 'amount_cents', 'status', 'version'] as const;

/** Lower-cased text for prefix search; seeding and the service both store it through here. */
export const searchKey = (text: string): string => text.toLowerCase();

/** An order as lists read it: without the search keys. */
export type OrderRecord = Pick<OrderRow, (typeof ORDER_COLUMNS)[number]>;

export function toOrder(row: OrderRecord): Order {
  return {
    id: row.id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    customer: row.customer,
    item: row.item,
    amount_cents: row.amount_cents,
    status: row.status,
    version: row.version,
  };
}

export interface OrderFilters {
  statuses?: OrderStatus[];
  /** Already passed through `searchKey`. */
  prefix?: string;
  createdFrom?: number;
  createdTo?: number;
}

export type SortColumn = 'created_at' | 'amount_cents' | 'id';
export interface OrderSortSpec {
  column: SortColumn;
  order: 'asc' | 'desc';
}

/** A position in a sort: the sort column's value and the id that breaks ties (for the id sort, value = id). */
export interface SortKey {
  value: number;
  id: number;
}

/** Reading `forward` follows the sort; backward reads against it. Without `from`, from that direction's start. */
export interface Seek {
  forward: boolean;
  from?: SortKey;
}

export interface OrdersWriter {
  insert(values: NewOrder): Promise<OrderRow>;
  /** Bumps version and updated_at; undefined when the order is gone or its version is not one of `versions`. */
  update(id: number, set: Partial<Pick<OrderRow, 'customer' | 'item' | 'amount_cents' | 'status'>>, versions: number[] | undefined, at: number): Promise<OrderRow | undefined>;
  delete(id: number, versions: number[] | undefined): Promise<OrderRow | undefined>;
  findById(id: number): Promise<OrderRow | undefined>;
  /** Appends the change and returns its seq. */
  appendChange(kind: ChangeKind, order: OrderRow, at: number): Promise<number>;
}

export interface OrdersRepository {
  transaction<T>(work: (writer: OrdersWriter) => Promise<T>): Promise<T>;
  findById(id: number): Promise<OrderRecord | undefined>;
  /** Page mode: rows `offset` to `offset + limit` in sort order. */
  page(filters: OrderFilters, sort: OrderSortSpec, offset: number, limit: number): Promise<OrderRecord[]>;
  count(filters: OrderFilters): Promise<number>;
  /** Cursor mode: up to `limit` rows strictly past `seek.from`, in reading order. */
  seek(filters: OrderFilters, sort: OrderSortSpec, seek: Seek, limit: number): Promise<OrderRecord[]>;
  /** The newest orders by id, for picking ones to update. */
  newest(limit: number): Promise<Pick<OrderRow, 'id' | 'status'>[]>;
  /** Changes with after < seq <= upTo, in seq order. */
  changes(after: number, upTo: number, limit: number): Promise<OrderChangeRow[]>;
  lastSeq(): Promise<number>;
  /** No order was ever written: the table is empty and so is the change log. */
  isPristine(): Promise<boolean>;
}

type OrdersEb = ExpressionBuilder<Database, 'orders'>;

/** `column || ''` has the same value but no index: the portable way to steer the planner away from one. */
const unindexed = (column: 'status' | 'customer_search' | 'item_search') => sql<string>`${sql.ref(column)} || ''`;

function filterConditions(eb: OrdersEb, f: OrderFilters, use: IndexUse = ALL_INDEXES): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (f.statuses?.length) conditions.push(eb(use.status ? eb.ref('status') : unindexed('status'), 'in', f.statuses));
  if (f.prefix) {
    // Two index range scans instead of LIKE, which SQLite can only index under a case-insensitive collation.
    const upper = prefixUpperBound(f.prefix);
    const customer = use.prefix ? eb.ref('customer_search') : unindexed('customer_search');
    const item = use.prefix ? eb.ref('item_search') : unindexed('item_search');
    conditions.push(
      eb.or([
        eb.and([eb(customer, '>=', f.prefix), eb(customer, '<', upper)]),
        eb.and([eb(item, '>=', f.prefix), eb(item, '<', upper)]),
      ]),
    );
  }
  if (f.createdFrom !== undefined) conditions.push(eb('created_at', '>=', f.createdFrom));
  if (f.createdTo !== undefined) conditions.push(eb('created_at', '<=', f.createdTo));
  return conditions;
}

/** Which filters to answer from their own index for a read of `rows` rows (see index-use.ts). */
async function indexUse(db: Kysely<Database>, f: OrderFilters, sort: OrderSortSpec, rows: number): Promise<IndexUse> {
  const probe = filtersToProbe(f, sort);
  if (!probe.status && !probe.prefix) return ALL_INDEXES;
  const newest = await db.selectFrom('orders').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const atLeast = breakEven(rows, newest?.id ?? 0);
  const reaches = async (only: OrderFilters) => {
    const row = await db
      .selectFrom((eb) =>
        eb.selectFrom('orders').select('id').where((w) => w.and(filterConditions(w, only))).limit(atLeast).as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n) >= atLeast;
  };
  return {
    status: !(probe.status && (await reaches({ statuses: f.statuses }))),
    prefix: !(probe.prefix && (await reaches({ prefix: f.prefix }))),
  };
}

/** Row-value comparison `(column, id) > (value, id)`, which both SQLite and PostgreSQL answer from the index. */
function pastKey(eb: OrdersEb, column: SortColumn, ascending: boolean, key: SortKey): Expression<SqlBool> {
  const op = ascending ? '>' : '<';
  if (column === 'id') return eb('id', op, key.id);
  return eb(eb.refTuple(column, 'id'), op, eb.tuple(key.value, key.id));
}

function writerFor(trx: Transaction<Database>): OrdersWriter {
  return {
    insert: (values) => trx.insertInto('orders').values(values).returningAll().executeTakeFirstOrThrow(),
    async update(id, set, versions, at) {
      // One statement checks the version and writes, so no other writer can slip in between.
      let query = trx
        .updateTable('orders')
        .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', id);
      if (set.customer !== undefined) query = query.set({ customer_search: searchKey(set.customer) });
      if (set.item !== undefined) query = query.set({ item_search: searchKey(set.item) });
      if (versions) query = query.where((eb) => (versions.length ? eb('version', 'in', versions) : eb.lit(false)));
      return query.returningAll().executeTakeFirst();
    },
    async delete(id, versions) {
      let query = trx.deleteFrom('orders').where('id', '=', id);
      if (versions) query = query.where((eb) => (versions.length ? eb('version', 'in', versions) : eb.lit(false)));
      return query.returningAll().executeTakeFirst();
    },
    findById: (id) => trx.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst(),
    async appendChange(kind, order, at) {
      const row = await trx
        .insertInto('order_changes')
        .values({ kind, order_id: order.id, at, snapshot: JSON.stringify(toOrder(order)) })
        .returning('seq')
        .executeTakeFirstOrThrow();
      return row.seq;
    },
  };
}

export function createOrdersRepository(db: Kysely<Database>): OrdersRepository {
  return withSqliteListReads(db, createPortableOrdersRepository(db));
}

/** Every read and write through Kysely, on any database it supports. */
export function createPortableOrdersRepository(db: Kysely<Database>): OrdersRepository {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(writerFor(trx))),
    findById: (id) => db.selectFrom('orders').select(ORDER_COLUMNS).where('id', '=', id).executeTakeFirst(),
    async page(filters, sort, offset, limit) {
      const use = await indexUse(db, filters, sort, offset + limit);
      return db
        .selectFrom('orders')
        .select(ORDER_COLUMNS)
        .where((eb) => eb.and(filterConditions(eb, filters, use)))
        .orderBy(sort.column, sort.order)
        .$if(sort.column !== 'id', (q) => q.orderBy('id', sort.order))
        .limit(limit)
        .offset(offset)
        .execute();
    },
    async count(filters) {
      const row = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.and(filterConditions(eb, filters)))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async seek(filters, sort, seek, limit) {
      const ascending = (sort.order === 'asc') === seek.forward;
      const direction = ascending ? 'asc' : 'desc';
      const use = await indexUse(db, filters, sort, limit);
      return db
        .selectFrom('orders')
        .select(ORDER_COLUMNS)
        .where((eb) => {
          const conditions = filterConditions(eb, filters, use);
          if (seek.from) conditions.push(pastKey(eb, sort.column, ascending, seek.from));
          return eb.and(conditions);
        })
        .orderBy(sort.column, direction)
        .$if(sort.column !== 'id', (q) => q.orderBy('id', direction))
        .limit(limit)
        .execute();
    },
    newest: (limit) => db.selectFrom('orders').select(['id', 'status']).orderBy('id', 'desc').limit(limit).execute(),
    changes: (after, upTo, limit) =>
      db
        .selectFrom('order_changes')
        .selectAll()
        .where('seq', '>', after)
        .where('seq', '<=', upTo)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    async lastSeq() {
      const row = await db.selectFrom('order_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      return row?.seq ?? 0;
    },
    async isPristine() {
      const order = await db.selectFrom('orders').select('id').limit(1).executeTakeFirst();
      const change = await db.selectFrom('order_changes').select('seq').limit(1).executeTakeFirst();
      return !order && !change;
    },
  };
}
