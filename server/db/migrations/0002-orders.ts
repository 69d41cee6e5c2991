import { sql, type Kysely, type Migration } from 'kysely';

const sqlStatusCheck = sql`status in ('pending', 'paid', 'shipped', 'cancelled', 'refunded')`;
const sqlKindCheck = sql`kind in ('created', 'updated', 'deleted')`;

// Orders and their change log. Every list sort has an index ending in the `id` tie-breaker, so keyset pages
// are index range scans; the status-first index also answers page-mode counts per status.
export const orders: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('orders')
      // AUTOINCREMENT: an id is never handed out twice, so a change for order 7 always means the same order.
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('customer', 'text', (c) => c.notNull())
      .addColumn('customer_search', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('item_search', 'text', (c) => c.notNull())
      .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents > 0`))
      .addColumn('status', 'text', (c) => c.notNull().check(sqlStatusCheck))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('orders_created_at_id').on('orders').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('orders_amount_cents_id').on('orders').columns(['amount_cents', 'id']).execute();
    await db.schema.createIndex('orders_status_created_at_id').on('orders').columns(['status', 'created_at', 'id']).execute();
    await db.schema.createIndex('orders_customer_search').on('orders').column('customer_search').execute();
    await db.schema.createIndex('orders_item_search').on('orders').column('item_search').execute();

    // Append-only: rows are inserted in the transaction of the write they describe and never updated.
    // No foreign key on order_id: a deleted order's history outlives it.
    await db.schema
      .createTable('order_changes')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlKindCheck))
      .addColumn('order_id', 'integer', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('order_changes').execute();
    await db.schema.dropTable('orders').execute();
  },
};
