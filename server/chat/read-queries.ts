// Read markers and unread counts. Unread: messages of others after the marker that are not deleted.
import { sql } from 'kysely';
import type { ChatDb } from './chat-rows.js';

export interface MemberUnread {
  userId: number;
  unread: number;
}

export function readQueries(db: ChatDb) {
  /** Each member of the room with their unread count there; narrowed by the caller's `where`. */
  const unreadOfMembers = (roomId: number) =>
    db
      .selectFrom('memberships as m')
      .leftJoin('messages as msg', (j) =>
        j
          .onRef('msg.room_id', '=', 'm.room_id')
          .onRef('msg.seq', '>', 'm.last_read_seq')
          .onRef('msg.author_id', '!=', 'm.user_id')
          .on('msg.deleted_at', 'is', null),
      )
      .select(['m.user_id', (eb) => eb.fn.count<number>('msg.id').as('n')])
      .where('m.room_id', '=', roomId)
      .groupBy('m.user_id');

  return {
    /** Moves the marker forward only (capped at the room's last seq); returns where it is now. */
    async markRead(userId: number, roomId: number, seq: number): Promise<number> {
      // max() keeps the marker monotonic; min() with last_seq keeps it from running ahead of the room.
      const row = await db
        .updateTable('memberships')
        .set({
          last_read_seq: sql<number>`max(last_read_seq, min(${seq}, (select last_seq from rooms where rooms.id = ${roomId})))`,
        })
        .where('user_id', '=', userId)
        .where('room_id', '=', roomId)
        .returning('last_read_seq')
        .executeTakeFirst();
      return Number(row?.last_read_seq ?? 0);
    },

    async unreadCount(userId: number, roomId: number): Promise<number> {
      const row = await unreadOfMembers(roomId).where('m.user_id', '=', userId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Per room the user is a member of. */
    async unreadCounts(userId: number): Promise<Record<string, number>> {
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

    /** The members other than `authorId` whose marker is below `seq`: those who had counted that message unread. */
    async unreadBelow(roomId: number, seq: number, authorId: number): Promise<MemberUnread[]> {
      const rows = await unreadOfMembers(roomId).where('m.last_read_seq', '<', seq).where('m.user_id', '!=', authorId).execute();
      return rows.map((r) => ({ userId: r.user_id, unread: Number(r.n) }));
    },
  };
}
