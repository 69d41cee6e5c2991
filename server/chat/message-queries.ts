// Messages and the room versions that order their changes. Each write takes its room's next version in the
// transaction that makes it (a new message also its next seq), so versions are per room, gapless and in commit
// order; the idempotency check of a send runs in the same transaction, so a resend racing its original finds the
// stored row instead of inserting a second one.
import { sql, type Transaction, type Updateable } from 'kysely';
import type { ChatUser, Message, RoomKind } from '../contract/chat.js';
import type { Database, MessagesTable, RoomRow } from '../db/schema.js';
import { directMembers, messagesWithAuthor, toMessage, type ChatDb } from './chat-rows.js';

export interface NewMessage {
  roomId: number;
  author: ChatUser;
  clientId: string;
  text: string;
  at: number;
}

/** What a send did: the message (the stored one for a client id already used), and who its room is shared with. */
export interface InsertedMessage {
  message: Message;
  created: boolean;
  /** The room's kind and, for a direct room, its two members: who hears of the message outside the room. */
  room: { id: number; kind: RoomKind; name: string | null; members: number[] };
}

export type RoomFacts = Pick<RoomRow, 'id' | 'kind' | 'name' | 'direct_key'>;

export const sharing = ({ id, kind, name, direct_key }: RoomFacts): InsertedMessage['room'] => ({
  id,
  kind,
  name,
  members: directMembers(direct_key),
});

/** A message just stored: everything it is made of is known at the insert, so it is built, not read back. */
export const newMessage = (id: number, seq: number, version: number, { roomId, author, clientId, text, at }: NewMessage): Message => ({
  id,
  room_id: roomId,
  seq,
  author: { id: author.id, username: author.username },
  text,
  client_id: clientId,
  created_at: at,
  edited_at: null,
  deleted_at: null,
  version,
});

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

    async insertMessage(input: NewMessage): Promise<InsertedMessage> {
      const { roomId, author, clientId, text, at } = input;
      // The one write every chat message makes, so its SQL is written out: the query builder costs more per
      // statement than SQLite does to run it. The text is portable (RETURNING is PostgreSQL's too).
      const outcome = await db.transaction().execute(async (trx) => {
        const existing = (await sql<{ id: number }>`
          select id from messages where author_id = ${author.id} and client_id = ${clientId}`.execute(trx)).rows[0];
        if (existing) return existing.id;
        const room = (await sql<RoomFacts & { last_seq: number; last_version: number }>`
          update rooms set last_seq = last_seq + 1, last_version = last_version + 1, last_message_at = ${at}
          where id = ${roomId} returning id, last_seq, last_version, kind, name, direct_key`.execute(trx)).rows[0];
        if (!room) throw new Error(`room ${roomId} does not exist`);
        const seq = Number(room.last_seq);
        const version = Number(room.last_version);
        const row = (await sql<{ id: number }>`
          insert into messages (room_id, seq, version, author_id, text, client_id, created_at)
          values (${roomId}, ${seq}, ${version}, ${author.id}, ${text}, ${clientId}, ${at}) returning id`.execute(trx)).rows[0]!;
        return { message: newMessage(row.id, seq, version, input), created: true, room: sharing(room) };
      });
      // A number: the id of the message already stored under this client id.
      if (typeof outcome !== 'number') return outcome;
      const message = (await findMessage(outcome))!;
      const room = await db.selectFrom('rooms').select(['id', 'kind', 'name', 'direct_key']).where('id', '=', message.room_id).executeTakeFirstOrThrow();
      return { message, created: false, room: sharing(room) };
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
