import type { Kysely } from 'kysely';
import type { User } from '../contract/auth.js';
import type { Database, UserRow } from '../db/schema.js';

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
}

export function toUser(row: Pick<UserRow, 'id' | 'username' | 'role'>): User {
  return { id: row.id, username: row.username, role: row.role };
}

export interface UsersRepository {
  create(input: { username: string; passwordHash: string; role?: User['role'] }): Promise<User>;
  findByUsername(username: string): Promise<UserRow | undefined>;
  findById(id: number): Promise<User | undefined>;
  findAdmin(): Promise<UserRow | undefined>;
  setPasswordHash(id: number, passwordHash: string): Promise<void>;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  // SQLite and PostgreSQL spell the same thing differently.
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505';
}

export function createUsersRepository(db: Kysely<Database>): UsersRepository {
  return {
    async create({ username, passwordHash, role = 'user' }) {
      try {
        const row = await db
          .insertInto('users')
          .values({ username: username.toLowerCase(), password_hash: passwordHash, role, created_at: Date.now() })
          .returning(['id', 'username', 'role'])
          .executeTakeFirstOrThrow();
        return toUser(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTakenError(username);
        throw error;
      }
    },
    findByUsername: (username) =>
      db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst(),
    async findById(id) {
      const row = await db.selectFrom('users').select(['id', 'username', 'role']).where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    findAdmin: () =>
      db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('id').limit(1).executeTakeFirst(),
    async setPasswordHash(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
  };
}
