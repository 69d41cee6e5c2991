// Storage of rooms, memberships and messages. A message's seq comes from `rooms.last_seq`, incremented in the
// transaction that inserts the message; the idempotency check runs in the same transaction, so a resend racing
// its original finds the stored row instead of inserting a second one.
import { sql, type Kysely } from 'kysely';
import type { ChatUser, Message, Room } from '../contract/chat.js';
import type { Database, MessageRow, RoomRow } from '../db/schema.js';

export class RoomNameTakenError extends Error {
  override name = 'RoomNameTakenError';
}

export interface MembershipState {
  last_read_seq: number;
}

export interface VisibleRoom {
  room: RoomRow;
  peer: ChatUser | null;
  member: boolean;
  last_read_seq: number;
  unread: number;
}

export interface NewMessage {
  roomId: number;
  authorId: number;
  clientId: string;
  text: string;
  at: number;
}

export interface ChatRepository {
  findRoom(id: number): Promise<RoomRow | undefined>;
  /** The other member of a direct room (null for public rooms or when they are gone). */
  peerOf(room: RoomRow, userId: number): Promise<ChatUser | null>;
  /** Every public room, then the user's direct rooms, with read state and unread counts. */
  visibleRooms(userId: number): Promise<VisibleRoom[]>;
  createPublicRoom(name: string, creatorId: number, at: number): Promise<RoomRow>;
  /** The direct room of two users, created with both memberships when missing. */
  openDirect(userId: number, otherId: number, at: number): Promise<{ room: RoomRow; created: boolean }>;
  membership(userId: number, roomId: number): Promise<MembershipState | undefined>;
  ensureMembership(userId: number, roomId: number, at: number): Promise<MembershipState>;
  /** Stores a message unless the author already stored one with this client id, which is returned instead. */
  insertMessage(input: NewMessage): Promise<{ message: Message; created: boolean }>;
  findMessage(id: number): Promise<Message | undefined>;
  findByClientId(authorId: number, clientId: string): Promise<Message | undefined>;
  editMessage(id: number, text: string, at: number): Promise<Message | undefined>;
  deleteMessage(id: number, at: number): Promise<Message | undefined>;
  /** Oldest first: messages with seq > after, at most `limit`. */
  after(roomId: number, after: number, limit: number): Promise<Message[]>;
  /** Oldest first: the `limit` messages just before `before` (the newest when undefined). */
  before(roomId: number, before: number | undefined, limit: number): Promise<Message[]>;
  /** Moves the marker forward only (capped at the room's last seq); returns where it is now. */
  markRead(userId: number, roomId: number, seq: number): Promise<number>;
  unreadCount(userId: number, roomId: number): Promise<number>;
  /** Per room the user is a member of. */
  unreadCounts(userId: number): Promise<Record<string, number>>;
  usersByName(usernames: readonly string[]): Promise<ChatUser[]>;
  isMember(userId: number, roomId: number): Promise<boolean>;
}

export function toRoom(row: RoomRow, peer: ChatUser | null): Room {
  return { id: row.id, kind: row.kind, name: row.name, peer, last_seq: Number(row.last_seq), created_at: Number(row.created_at) };
}

type JoinedMessage = MessageRow & { username: string };

function toMessage(row: JoinedMessage): Message {
  return {
    id: row.id,
    room_id: row.room_id,
    seq: Number(row.seq),
    author: { id: row.author_id, username: row.username },
    text: row.text,
    client_id: row.client_id,
    created_at: Number(row.created_at),
    edited_at: row.edited_at === null ? null : Number(row.edited_at),
    deleted_at: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}

const directKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505';
}

export function createChatRepository(db: Kysely<Database>): ChatRepository {
  const messages = (q: Kysely<Database> = db) =>
    q.selectFrom('messages').innerJoin('users', 'users.id', 'messages.author_id').selectAll('messages').select('users.username');

  async function unreadCount(userId: number, roomId: number): Promise<number> {
    const row = await db
      .selectFrom('memberships as m')
      .innerJoin('messages as msg', (j) => j.onRef('msg.room_id', '=', 'm.room_id').onRef('msg.seq', '>', 'm.last_read_seq'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('m.user_id', '=', userId)
      .where('m.room_id', '=', roomId)
      .where('msg.author_id', '!=', userId)
      .where('msg.deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  return {
    findRoom: (id) => db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst(),

    async peerOf(room, userId) {
      if (room.kind !== 'direct') return null;
      const row = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.username'])
        .where('memberships.room_id', '=', room.id)
        .where('memberships.user_id', '!=', userId)
        .executeTakeFirst();
      return row ?? null;
    },

    async visibleRooms(userId) {
      const rows = await db
        .selectFrom('rooms')
        .leftJoin('memberships as m', (j) => j.onRef('m.room_id', '=', 'rooms.id').on('m.user_id', '=', userId))
        .selectAll('rooms')
        .select(['m.user_id as member_id', 'm.last_read_seq'])
        .where((eb) => eb.or([eb('rooms.kind', '=', 'public'), eb('m.user_id', 'is not', null)]))
        .orderBy('rooms.kind', 'desc')
        .orderBy('rooms.name')
        .orderBy('rooms.id')
        .execute();
      const counts = await this.unreadCounts(userId);
      const result: VisibleRoom[] = [];
      for (const { member_id, last_read_seq, ...room } of rows) {
        result.push({
          room,
          peer: await this.peerOf(room, userId),
          member: member_id !== null,
          last_read_seq: Number(last_read_seq ?? 0),
          unread: counts[room.id] ?? 0,
        });
      }
      return result;
    },

    async createPublicRoom(name, creatorId, at) {
      try {
        return await db.transaction().execute(async (trx) => {
          const room = await trx
            .insertInto('rooms')
            .values({ kind: 'public', name, direct_key: null, created_at: at })
            .returningAll()
            .executeTakeFirstOrThrow();
          await trx.insertInto('memberships').values({ user_id: creatorId, room_id: room.id, joined_at: at }).execute();
          return room;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new RoomNameTakenError(name);
        throw error;
      }
    },

    async openDirect(userId, otherId, at) {
      const key = directKey(userId, otherId);
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('rooms').selectAll().where('direct_key', '=', key).executeTakeFirst();
        if (existing) return { room: existing, created: false };
        const room = await trx
          .insertInto('rooms')
          .values({ kind: 'direct', name: null, direct_key: key, created_at: at })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('memberships')
          .values([
            { user_id: userId, room_id: room.id, joined_at: at },
            { user_id: otherId, room_id: room.id, joined_at: at },
          ])
          .execute();
        return { room, created: true };
      });
    },

    async membership(userId, roomId) {
      const row = await db
        .selectFrom('memberships')
        .select('last_read_seq')
        .where('user_id', '=', userId)
        .where('room_id', '=', roomId)
        .executeTakeFirst();
      return row && { last_read_seq: Number(row.last_read_seq) };
    },

    async ensureMembership(userId, roomId, at) {
      await db
        .insertInto('memberships')
        .values({ user_id: userId, room_id: roomId, joined_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'room_id']).doNothing())
        .execute();
      return (await this.membership(userId, roomId))!;
    },

    async isMember(userId, roomId) {
      return (await this.membership(userId, roomId)) !== undefined;
    },

    async insertMessage({ roomId, authorId, clientId, text, at }) {
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
          .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
          .where('id', '=', roomId)
          .returning('last_seq')
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto('messages')
          .values({ room_id: roomId, seq: Number(room.last_seq), author_id: authorId, text, client_id: clientId, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: row.id, created: true };
      });
      const message = await this.findMessage(outcome.id);
      return { message: message!, created: outcome.created };
    },

    async findMessage(id) {
      const row = await messages().where('messages.id', '=', id).executeTakeFirst();
      return row && toMessage(row);
    },

    async findByClientId(authorId, clientId) {
      const row = await messages().where('messages.author_id', '=', authorId).where('messages.client_id', '=', clientId).executeTakeFirst();
      return row && toMessage(row);
    },

    async editMessage(id, text, at) {
      await db.updateTable('messages').set({ text, edited_at: at }).where('id', '=', id).where('deleted_at', 'is', null).execute();
      return this.findMessage(id);
    },

    async deleteMessage(id, at) {
      await db.updateTable('messages').set({ text: '', deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).execute();
      return this.findMessage(id);
    },

    async after(roomId, after, limit) {
      const rows = await messages()
        .where('messages.room_id', '=', roomId)
        .where('messages.seq', '>', after)
        .orderBy('messages.seq')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async before(roomId, before, limit) {
      const rows = await messages()
        .where('messages.room_id', '=', roomId)
        .$if(before !== undefined, (q) => q.where('messages.seq', '<', before!))
        .orderBy('messages.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toMessage);
    },

    async markRead(userId, roomId, seq) {
      // max() keeps the marker monotonic; min() with last_seq keeps it from running ahead of the room.
      await db
        .updateTable('memberships')
        .set({
          last_read_seq: sql<number>`max(last_read_seq, min(${seq}, (select last_seq from rooms where rooms.id = ${roomId})))`,
        })
        .where('user_id', '=', userId)
        .where('room_id', '=', roomId)
        .execute();
      return (await this.membership(userId, roomId))?.last_read_seq ?? 0;
    },

    unreadCount,

    async unreadCounts(userId) {
      const rows = await db
        .selectFrom('memberships as m')
        .leftJoin('messages as msg', (j) =>
          j
            .onRef('msg.room_id', '=', 'm.room_id')
            .onRef('msg.seq', '>', 'm.last_read_seq')
            .on('msg.author_id', '!=', userId)
            .on('msg.deleted_at', 'is', null),
        )
        .select(['m.room_id', (eb) => eb.fn.count<number>('msg.id').as('n')])
        .where('m.user_id', '=', userId)
        .groupBy('m.room_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [String(r.room_id), Number(r.n)]));
    },

    async usersByName(usernames) {
      if (usernames.length === 0) return [];
      return db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('username', 'in', usernames.map((u) => u.toLowerCase()))
        .execute();
    },
  };
}
