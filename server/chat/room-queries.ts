// Rooms and who belongs to them.
import type { ChatUser } from '../contract/chat.js';
import type { RoomRow } from '../db/schema.js';
import { directKey, isUniqueViolation, RoomNameTakenError, type ChatDb } from './chat-rows.js';

export interface MembershipState {
  last_read_seq: number;
}

export interface RoomWithMembership {
  room: RoomRow;
  member: boolean;
  last_read_seq: number;
}

export function roomQueries(db: ChatDb) {
  async function membership(userId: number, roomId: number): Promise<MembershipState | undefined> {
    const row = await db
      .selectFrom('memberships')
      .select('last_read_seq')
      .where('user_id', '=', userId)
      .where('room_id', '=', roomId)
      .executeTakeFirst();
    return row && { last_read_seq: Number(row.last_read_seq) };
  }

  return {
    membership,

    findRoom: (id: number) => db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst(),

    async peerOf(room: RoomRow, userId: number): Promise<ChatUser | null> {
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

    /** Every public room, then the user's direct rooms. */
    async roomsOf(userId: number): Promise<RoomWithMembership[]> {
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
      return rows.map(({ member_id, last_read_seq, ...room }) => ({
        room,
        member: member_id !== null,
        last_read_seq: Number(last_read_seq ?? 0),
      }));
    },

    async createPublicRoom(name: string, creatorId: number, at: number): Promise<RoomRow> {
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

    async openDirect(userId: number, otherId: number, at: number): Promise<{ room: RoomRow; created: boolean }> {
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

    async ensureMembership(userId: number, roomId: number, at: number): Promise<MembershipState> {
      await db
        .insertInto('memberships')
        .values({ user_id: userId, room_id: roomId, joined_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'room_id']).doNothing())
        .execute();
      return (await membership(userId, roomId))!;
    },

    isMember: async (userId: number, roomId: number) => (await membership(userId, roomId)) !== undefined,

    async usersByName(usernames: readonly string[]): Promise<ChatUser[]> {
      if (usernames.length === 0) return [];
      return db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('username', 'in', usernames.map((u) => u.toLowerCase()))
        .execute();
    },
  };
}
