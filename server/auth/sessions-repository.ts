import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../db/schema.js';
import type { User } from '../contract/auth.js';

export interface SessionWithUser {
  session: SessionRow;
  user: User;
}

export interface SessionsRepository {
  insert(row: SessionRow): Promise<void>;
  findWithUser(id: string): Promise<SessionWithUser | undefined>;
  extend(id: string, expiresAt: number, seenAt: number): Promise<void>;
  delete(id: string): Promise<boolean>;
  deleteExpired(now: number): Promise<number>;
}

export function createSessionsRepository(db: Kysely<Database>): SessionsRepository {
  return {
    async insert(row) {
      await db.insertInto('sessions').values(row).execute();
    },
    async findWithUser(id) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.created_at',
          'sessions.expires_at',
          'sessions.last_seen_at',
          'users.username',
          'users.role',
        ])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const { username, role, ...session } = row;
      return { session, user: { id: session.user_id, username, role } };
    },
    async extend(id, expiresAt, seenAt) {
      await db.updateTable('sessions').set({ expires_at: expiresAt, last_seen_at: seenAt }).where('id', '=', id).execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
