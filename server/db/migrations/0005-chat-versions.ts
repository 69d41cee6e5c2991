import { sql, type Kysely, type Migration } from 'kysely';

// Makes edits and deletes replayable. Every change to a room's messages (a new message, an edit, a delete) takes
// the next `rooms.last_version` in the transaction that makes it, and the changed message keeps it as `version`;
// a client that has seen a room up to version v catches up with the messages whose version is above v, each once,
// as it is now. Existing rows start at version = seq, the order they were written in (their past edits folded in).
// `last_message_at` lets the room list show when a room was last active without scanning its messages.
export const chatVersions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('rooms').addColumn('last_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('rooms').addColumn('last_message_at', 'bigint').execute();
    await db.schema.alterTable('messages').addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await sql`update messages set version = seq`.execute(db);
    await sql`
      update rooms set last_version = last_seq,
        last_message_at = (select max(created_at) from messages where messages.room_id = rooms.id)
    `.execute(db);
    // Catching up is a range scan of this index; UNIQUE makes a second writer of one version fail, not interleave.
    await db.schema.createIndex('messages_room_id_version').on('messages').columns(['room_id', 'version']).unique().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('messages_room_id_version').execute();
    await db.schema.alterTable('messages').dropColumn('version').execute();
    await db.schema.alterTable('rooms').dropColumn('last_message_at').execute();
    await db.schema.alterTable('rooms').dropColumn('last_version').execute();
  },
};
