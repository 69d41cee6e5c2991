import { sql, type Kysely, type Migration } from 'kysely';

const sqlLevelCheck = sql`level in ('info', 'success', 'warning', 'error')`;

// Notifications, each user's choice of order events, and where each notification source has read up to.
export const notifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notifications')
      // AUTOINCREMENT: ids are never reused, so an event stream's Last-Event-ID always means the same place.
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // No check on kind: a feature that notifies adds its kind to the contract without a migration.
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('level', 'text', (c) => c.notNull().check(sqlLevelCheck))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('read_at', 'bigint')
      .execute();
    // Lists, stream replays (id > Last-Event-ID) and deletes are range scans of this index.
    await db.schema.createIndex('notifications_user_id_id').on('notifications').columns(['user_id', 'id']).execute();
    // Unread counts, sent after every change to every open stream, read only the unread rows.
    await db.schema
      .createIndex('notifications_unread')
      .on('notifications')
      .columns(['user_id', 'id'])
      .where(sql.ref('read_at'), 'is', null)
      .execute();

    // No row: the defaults (order events off, toasts on).
    await db.schema
      .createTable('notification_settings')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('order_large', 'integer', (c) => c.notNull())
      .addColumn('order_large_threshold_cents', 'bigint', (c) => c.notNull().check(sql`order_large_threshold_cents > 0`))
      .addColumn('order_cancelled', 'integer', (c) => c.notNull())
      .addColumn('order_refunded', 'integer', (c) => c.notNull())
      .addColumn('toasts', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    // A source that turns another feed into notifications (the orders change feed) keeps its position here, in
    // the transaction that writes the notifications, so a restart neither repeats nor skips an event.
    await db.schema
      .createTable('notification_sources')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('notification_sources').execute();
    await db.schema.dropTable('notification_settings').execute();
    await db.schema.dropTable('notifications').execute();
  },
};
