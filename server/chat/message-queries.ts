// Messages and the room versions that order their changes. Each write takes its room's next version in the
// transaction that makes it (a new message also its next seq), so versions are per room, gapless and in commit
// order; the idempotency check of a send runs in the same transaction, so a resend racing its original finds the
// stored row instead of inserting a second one.
import type { Transaction, Updateable } from 'kysely';
import type { Message } from '../contract/chat.js';
import type { Database, MessagesTable } from '../db/schema.js';
import { messagesWithAuthor, toMessage, type ChatDb } from './chat-rows.js';

export interface NewMessage {
  roomId: number;
  authorId: number;
  clientId: string;
  text: string;
  at: number;
}

async function nextVersion(trx: Transaction<Database>, roomId: number): Promise<number> {
  const room = await trx
    .updateTable('rooms')
    .set((eb) => ({ last_version: eb('last_version', '+', 1) }))
    .where('id', '=', roomId)
    .returning('last_version')
    .executeTakeFirstOrThrow();
  return Number(room.last_version);
}

export function messageQueries(db: ChatDb) {
  async function findMessage(id: number): Promise<Message | undefined> {
    const row = await messagesWithAuthor(db).where('messages.id', '=', id).executeTakeFirst();
    return row && toMessage(row);
  }

  /** Applies `change` to a message that is not deleted, as the room's next version; returns it as it is now. */
  async function change(id: number, changes: Updateable<MessagesTable>): Promise<Message | undefined> {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('messages').select('room_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) return;
      const version = await nextVersion(trx, row.room_id);
      await trx.updateTable('messages').set({ ...changes, version }).where('id', '=', id).execute();
    });
    return findMessage(id);
  }

  return {
    findMessage,

    async insertMessage({ roomId, authorId, clientId, text, at }: NewMessage): Promise<{ message: Message; created: boolean }> {
      const outcome = await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('messages')
          .select('id')
          .where('author_id', '=', authorId)
          .where('client_id', '=', clientId)
          .executeTakeFirst();
        if (existing) return { id: existing.id, created: false };
        const room = await trx
          .updateTable('rooms')
          .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_version: eb('last_version', '+', 1), last_message_at: at }))
          .where('id', '=', roomId)
          .returning(['last_seq', 'last_version'])
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto('messages')
          .values({
            room_id: roomId,
            seq: Number(room.last_seq),
            version: Number(room.last_version),
            author_id: authorId,
            text,
            client_id: clientId,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: row.id, created: true };
      });
      const message = await findMessage(outcome.id);
      return { message: message!, created: outcome.created };
    },

    async findByClientId(authorId: number, clientId: string): Promise<Message | undefined> {
      const row = await messagesWithAuthor(db)
        .where('messages.author_id', '=', authorId)
        .where('messages.client_id', '=', clientId)
        .executeTakeFirst();
      return row && toMessage(row);
    },

    editMessage: (id: number, text: string, at: number) => change(id, { text, edited_at: at }),
    deleteMessage: (id: number, at: number) => change(id, { text: '', deleted_at: at }),

    async lastVersion(roomId: number): Promise<number> {
      const row = await db.selectFrom('rooms').select('last_version').where('id', '=', roomId).executeTakeFirst();
      return Number(row?.last_version ?? 0);
    },

    async changedSince(roomId: number, version: number, limit: number): Promise<Message[]> {
      const rows = await messagesWithAuthor(db)
        .where('messages.room_id', '=', roomId)
        .where('messages.version', '>', version)
        .orderBy('messages.version')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async before(roomId: number, before: number | undefined, limit: number): Promise<Message[]> {
      const rows = await messagesWithAuthor(db)
        .where('messages.room_id', '=', roomId)
        .$if(before !== undefined, (q) => q.where('messages.seq', '<', before!))
        .orderBy('messages.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toMessage);
    },
  };
}
