import { sql, type Kysely, type Migration } from 'kysely';

// Each user's unread count, kept by the transactions that add, read and delete notifications. Counting the
// unread rows instead costs one index entry per unread notification, and every open stream is sent its count
// after every change: with thousands unread and broadcasts arriving many times a second, counting became most of
// the server's work. Existing counts are taken from the rows.
//
// The partial index of unread rows served those counts and is dropped: every index costs each stored
// notification a B-tree insert at its user's place (about 5 µs a row here), and a broadcast stores a row per user.
// The "unread only" list and read-all now walk the user's rows through (user_id, id), skipping read ones.
export const notificationCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notification_counts')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('unread', 'integer', (c) => c.notNull().check(sql`unread >= 0`))
      .execute();
    await sql`
      insert into notification_counts (user_id, unread)
      select user_id, count(*) from notifications where read_at is null group by user_id
    `.execute(db);
    await db.schema.dropIndex('notifications_unread').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .createIndex('notifications_unread')
      .on('notifications')
      .columns(['user_id', 'id'])
      .where(sql.ref('read_at'), 'is', null)
      .execute();
    await db.schema.dropTable('notification_counts').execute();
  },
};
