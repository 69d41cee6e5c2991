// Chat rows as stored and as sent.
import type { Kysely } from 'kysely';
import type { ChatUser, Message, Room } from '../contract/chat.js';
import type { Database, MessageRow, RoomRow } from '../db/schema.js';

export type ChatDb = Kysely<Database>;

export class RoomNameTakenError extends Error {
  override name = 'RoomNameTakenError';
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505';
}

/** A direct room's key names its two members, lower id first; they never change. */
export const directKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
export const directMembers = (key: string | null): number[] => (key ? key.split(':').map(Number) : []);

const millis = (value: number | null) => (value === null ? null : Number(value));

export function toRoom(row: RoomRow, peer: ChatUser | null): Room {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    peer,
    last_seq: Number(row.last_seq),
    last_message_at: millis(row.last_message_at),
    created_at: Number(row.created_at),
  };
}

export type JoinedMessage = MessageRow & { username: string };

export function toMessage(row: JoinedMessage): Message {
  return {
    id: row.id,
    room_id: row.room_id,
    seq: Number(row.seq),
    author: { id: row.author_id, username: row.username },
    text: row.text,
    client_id: row.client_id,
    created_at: Number(row.created_at),
    edited_at: millis(row.edited_at),
    deleted_at: millis(row.deleted_at),
    version: Number(row.version),
  };
}

/** Messages with their author's name, the shape every message query starts from. */
export const messagesWithAuthor = (db: ChatDb) =>
  db.selectFrom('messages').innerJoin('users', 'users.id', 'messages.author_id').selectAll('messages').select('users.username');
