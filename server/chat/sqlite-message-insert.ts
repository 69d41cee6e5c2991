// A chat message's store on SQLite's own connection: the one write every message makes, as three statements
// prepared once and run in one synchronous transaction. Through Kysely the same transaction builds and compiles
// each statement and hands over between them by promises: about half a millisecond more CPU per message, measured
// inside a server between messages (caches cold, as a chat server mostly is). The SQL is the
// portable insert's (message-queries.ts); any other database keeps that one. See docs/decisions/013.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sqliteOr } from '../db/statement-cache.js';
import type { ChatRepository } from './chat-repository.js';
import { newMessage, sharing, type InsertedMessage, type NewMessage, type RoomFacts } from './message-queries.js';

/** The insert, synchronous: the new message, or the id of the message already stored under the client id. */
export type SyncInsert = (input: NewMessage) => InsertedMessage | number;

export function createSqliteMessageInsert(sqlite: SQLite.Database): SyncInsert {
  const existing = sqlite.prepare<[number, string], { id: number }>('select id from messages where author_id = ? and client_id = ?');
  const nextSeq = sqlite.prepare<[number, number], RoomFacts & { last_seq: number; last_version: number }>(
    `update rooms set last_seq = last_seq + 1, last_version = last_version + 1, last_message_at = ?
     where id = ? returning id, last_seq, last_version, kind, name, direct_key`,
  );
  const insert = sqlite.prepare<[number, number, number, number, string, string, number], { id: number }>(
    `insert into messages (room_id, seq, version, author_id, text, client_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?) returning id`,
  );
  return sqlite.transaction((input: NewMessage): InsertedMessage | number => {
    const { roomId, author, clientId, text, at } = input;
    const stored = existing.get(author.id, clientId);
    if (stored) return stored.id;
    const room = nextSeq.get(at, roomId);
    if (!room) throw new Error(`room ${roomId} does not exist`);
    const seq = Number(room.last_seq);
    const version = Number(room.last_version);
    const { id } = insert.get(roomId, seq, version, author.id, text, clientId, at)!;
    return { message: newMessage(id, seq, version, input), created: true, room: sharing(room) };
  });
}

/**
 * `repo` with its message inserts done by `createSqliteMessageInsert` when `db` runs on SQLite through the
 * statement cache. The insert must not join another caller's open transaction: `sqliteOr` runs it outside any. A
 * resend of a stored client id is answered with the stored message and its room, read back.
 */
export function withSqliteMessageInsert(db: Kysely<Database>, repo: ChatRepository): ChatRepository {
  const fastOr = sqliteOr(db, createSqliteMessageInsert);
  return {
    ...repo,
    async insertMessage(input) {
      const outcome = await fastOr<InsertedMessage | number>((insert) => insert(input), () => repo.insertMessage(input));
      if (typeof outcome !== 'number') return outcome;
      const message = (await repo.findMessage(outcome))!;
      return { message, created: false, room: sharing((await repo.findRoom(message.room_id))!) };
    },
  };
}
