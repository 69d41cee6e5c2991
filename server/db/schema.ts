// Table types for Kysely. Times are integer milliseconds since the epoch: portable to PostgreSQL (bigint)
// and free of the time-zone guessing that SQLite's text dates invite.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  /** Stored lower-case: usernames are unique case-insensitively. */
  username: string;
  password_hash: string;
  role: 'user' | 'admin';
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
  id: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
