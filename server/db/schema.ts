// Table types for Kysely. Times are integer milliseconds since the epoch: portable to PostgreSQL (bigint)
// and free of the time-zone guessing that SQLite's text dates invite.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { ChangeKind, OrderStatus } from '../contract/orders.js';
import type { NotificationLevel } from '../contract/notifications.js';
import type { RoomKind } from '../contract/chat.js';

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

export interface NotificationsTable {
  /** AUTOINCREMENT, global across users: committed in id order (one writer), never reused. */
  id: Generated<number>;
  /** Null for a broadcast: one row for every user up to `audience_upto` (see migration 0007). */
  user_id: number | null;
  /** Broadcasts only: the users' AUTOINCREMENT position when it was stored; later accounts do not see it. */
  audience_upto: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  level: NotificationLevel;
  created_at: number;
  /** One user's rows only; a broadcast's read times are receipts. */
  read_at: number | null;
}

/** What one user did with a broadcast; no row: unread. */
export interface NotificationReceiptsTable {
  user_id: number;
  notification_id: number;
  read_at: number | null;
  deleted_at: number | null;
}

/** Kept in step with `notifications` in the transactions that change it; no row means none unread. */
/** An account's unread count is `unread_adjust + notification_totals.broadcasts - broadcasts_before` (see 0008). */
export interface NotificationCountsTable {
  user_id: number;
  unread_adjust: number;
  broadcasts_before: number;
}

export interface NotificationTotalsTable {
  id: number;
  broadcasts: number;
}

export interface NotificationSettingsTable {
  user_id: number;
  /** Booleans as 0/1, portable to any SQL database. */
  order_large: number;
  order_large_threshold_cents: number;
  order_cancelled: number;
  order_refunded: number;
  toasts: number;
  updated_at: number;
}

export interface NotificationSourcesTable {
  name: string;
  /** The last seq of the source's feed that has been turned into notifications. */
  last_seq: number;
  updated_at: number;
}

export interface RoomsTable {
  id: Generated<number>;
  kind: RoomKind;
  /** Public rooms only. */
  name: string | null;
  /** Direct rooms only: `<lower user id>:<higher user id>`. */
  direct_key: string | null;
  /** The seq of the newest message; incremented in the transaction that inserts it. */
  last_seq: Generated<number>;
  /** The version of the room's latest change (new, edited or deleted message); incremented in that transaction. */
  last_version: Generated<number>;
  last_message_at: number | null;
  created_at: number;
}

export interface MembershipsTable {
  user_id: number;
  room_id: number;
  /** Never moves back. */
  last_read_seq: Generated<number>;
  joined_at: number;
}

export interface MessagesTable {
  id: Generated<number>;
  room_id: number;
  /** Per room, from `rooms.last_seq`: 1, 2, 3… */
  seq: number;
  author_id: number;
  /** Empty once deleted. */
  text: string;
  /** The sender's idempotency key, unique per author. */
  client_id: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** The room version of this message's latest change. */
  version: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  orders: OrdersTable;
  order_changes: OrderChangesTable;
  notifications: NotificationsTable;
  notification_counts: NotificationCountsTable;
  notification_totals: NotificationTotalsTable;
  notification_receipts: NotificationReceiptsTable;
  notification_settings: NotificationSettingsTable;
  notification_sources: NotificationSourcesTable;
  rooms: RoomsTable;
  memberships: MembershipsTable;
  messages: MessagesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderChangeRow = Selectable<OrderChangesTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;
export type NotificationSettingsRow = Selectable<NotificationSettingsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type MessageRow = Selectable<MessagesTable>;
