import { sql, type Kysely, type Migration } from 'kysely';

const sqlKindCheck = sql`kind in ('public', 'direct')`;

// Chat rooms, who belongs to them and their messages. `rooms.last_seq` is bumped in the transaction that inserts a
// message, so seqs are per room, gapless and never reused; UNIQUE(room_id, seq) makes a second writer fail rather
// than interleave, and UNIQUE(author_id, client_id) makes a resent message a no-op.
export const chat: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rooms')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlKindCheck))
      // Public rooms only (NULLs do not collide under UNIQUE).
      .addColumn('name', 'text', (c) => c.unique())
      // Direct rooms only: `<lower user id>:<higher user id>`, so a pair has at most one room.
      .addColumn('direct_key', 'text', (c) => c.unique())
      .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'room_id'])
      .execute();
    await db.schema.createIndex('memberships_room_id').on('memberships').column('room_id').execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('edited_at', 'bigint')
      .addColumn('deleted_at', 'bigint')
      // Replays (seq > after), scrollback (seq < before) and unread counts are range scans of this index.
      .addUniqueConstraint('messages_room_id_seq', ['room_id', 'seq'])
      .addUniqueConstraint('messages_author_id_client_id', ['author_id', 'client_id'])
      .execute();

    // The room everybody finds on the first start.
    await sql`insert into rooms (kind, name, last_seq, created_at) values ('public', 'general', 0, ${Date.now()})`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('messages').execute();
    await db.schema.dropTable('memberships').execute();
    await db.schema.dropTable('rooms').execute();
  },
};
