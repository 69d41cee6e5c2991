// Table types for Kysely. Times are integer milliseconds since the epoch: portable to PostgreSQL (bigint)
// and free of the time-zone guessing that SQLite's text dates invite.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { ChangeKind, OrderStatus } from '../contract/orders.js';

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

export interface OrdersTable {
  id: Generated<number>;
  created_at: number;
  updated_at: number;
  customer: string;
  /** Lower-cased `customer`, so a case-insensitive prefix search is an index range scan on any database. */
  customer_search: string;
  item: string;
  item_search: string;
  /** Integer cents: money is never a float. */
  amount_cents: number;
  status: OrderStatus;
  /** 1 on create, +1 on every update; the order's ETag. */
  version: number;
}

export interface OrderChangesTable {
  /** AUTOINCREMENT in the writing transaction: gapless and never reused among committed rows. */
  seq: Generated<number>;
  kind: ChangeKind;
  order_id: number;
  at: number;
  /** The order as JSON (its wire shape) after the change; for a delete, as it was. */
  snapshot: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  orders: OrdersTable;
  order_changes: OrderChangesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderChangeRow = Selectable<OrderChangesTable>;
