// Storage of notifications, each user's notification settings and the positions of notification sources. Every
// read and change is scoped by user id: there is no query by notification id alone, so one user can never reach
// another's notifications.
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type Notification,
  type NotificationKind,
  type NotificationLevel,
  type NotificationSettings,
} from '../contract/notifications.js';
import type { Database, NotificationRow, NotificationSettingsRow } from '../db/schema.js';
import { addUnread, readUnread, subtractUnread } from './unread-counts.js';

export interface NotificationContent {
  kind: NotificationKind;
  title: string;
  body: string;
  level: NotificationLevel;
  link: string | null;
}

export interface NotificationsWriter {
  /** One row per recipient that exists (ids of deleted users are skipped); returns how many were stored. */
  insertFor(to: readonly number[] | 'all', content: NotificationContent, at: number): Promise<number>;
  lastId(): Promise<number>;
  /** Moves a source from `from` to `to`; false when another writer moved it first (nothing is changed). */
  moveSource(name: string, from: number, to: number, at: number): Promise<boolean>;
}

export interface OrderSubscriber {
  userId: number;
  settings: NotificationSettings;
}

/** One user's question "what came after `afterId`": the oldest `limit` rows with a greater id. */
export interface AfterRequest {
  userId: number;
  afterId: number;
  limit: number;
}

export interface BatchRead {
  /** In the order of the requests, each oldest first. */
  after: Notification[][];
  unread: Map<number, number>;
  lastId: number;
}

export interface NotificationsRepository {
  transaction<T>(work: (writer: NotificationsWriter) => Promise<T>): Promise<T>;
  lastId(): Promise<number>;
  /** Newest first, ids below `before` when given. */
  list(userId: number, options: { limit: number; before?: number; unreadOnly: boolean }): Promise<Notification[]>;
  /** Oldest first: the notifications after `afterId`, as a stream replays them. */
  after(userId: number, afterId: number, limit: number): Promise<Notification[]>;
  unreadCount(userId: number): Promise<number>;
  /** Many `after` and `unreadCount` reads and `lastId`, from one snapshot, in one statement each. */
  readBatch(after: readonly AfterRequest[], unreadOf: readonly number[]): Promise<BatchRead>;
  markRead(userId: number, id: number, at: number): Promise<'marked' | 'already' | 'missing'>;
  /** Marks every unread notification up to the newest read; `upTo` is that newest id (0 when there is none). */
  markAllRead(userId: number, at: number): Promise<{ count: number; upTo: number }>;
  remove(userId: number, id: number): Promise<boolean>;
  settings(userId: number): Promise<NotificationSettings>;
  saveSettings(userId: number, settings: NotificationSettings, at: number): Promise<void>;
  /** Users who chose at least one order event. */
  orderSubscribers(): Promise<OrderSubscriber[]>;
  sourcePosition(name: string): Promise<number | undefined>;
  /** Records a source's starting position unless it already has one. */
  initSource(name: string, seq: number, at: number): Promise<void>;
}

/** Chunks for `IN (...)` lists, well under every database's parameter limit. */
const IN_CHUNK = 500;

export function toNotification(row: Omit<NotificationRow, 'user_id'>): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    level: row.level,
    created_at: row.created_at,
    read_at: row.read_at,
  };
}

const COLUMNS = ['id', 'kind', 'title', 'body', 'link', 'level', 'created_at', 'read_at'] as const;

type Reader = Kysely<Database> | Transaction<Database>;

/**
 * Each request is an index seek on (user_id, id) inside one statement per distinct limit (SQLite's LIMIT cannot
 * refer to a row): the requests travel as one JSON parameter, so the SQL text, and its cached prepared statement,
 * stays the same whatever their number.
 */
async function readAfterMany(db: Reader, requests: readonly AfterRequest[]): Promise<Notification[][]> {
  const out = requests.map((): Notification[] => []);
  const byLimit = new Map<number, number[]>();
  requests.forEach((r, i) => {
    const same = byLimit.get(r.limit);
    if (same) same.push(i);
    else byLimit.set(r.limit, [i]);
  });
  for (const [limit, indexes] of byLimit) {
    const pairs = JSON.stringify(indexes.map((i) => [i, requests[i]!.userId, requests[i]!.afterId]));
    const { rows } = await sql<Omit<NotificationRow, 'user_id'> & { req: number }>`
      with req(i, user_id, after_id) as (select value ->> 0, value ->> 1, value ->> 2 from json_each(${pairs}))
      select req.i as req, n.id, n.kind, n.title, n.body, n.link, n.level, n.created_at, n.read_at
      from req join notifications n on n.id in (
        select id from notifications where user_id = req.user_id and id > req.after_id order by id limit ${limit}
      )
      order by req.i, n.id`.execute(db);
    for (const { req, ...row } of rows) out[req]!.push(toNotification(row));
  }
  return out;
}

function toSettings(row: NotificationSettingsRow): NotificationSettings {
  return {
    order_large: row.order_large === 1,
    order_large_threshold_cents: row.order_large_threshold_cents,
    order_cancelled: row.order_cancelled === 1,
    order_refunded: row.order_refunded === 1,
    toasts: row.toasts === 1,
  };
}

function writerFor(trx: Transaction<Database>): NotificationsWriter {
  async function insertFrom(content: NotificationContent, at: number, userIds?: readonly number[]): Promise<number> {
    const result = await trx
      .insertInto('notifications')
      .columns(['user_id', 'kind', 'title', 'body', 'link', 'level', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('users')
          .select([
            'users.id',
            eb.val(content.kind).as('kind'),
            eb.val(content.title).as('title'),
            eb.val(content.body).as('body'),
            eb.val(content.link).as('link'),
            eb.val(content.level).as('level'),
            eb.val(at).as('created_at'),
          ])
          .$if(userIds !== undefined, (q) => q.where('users.id', 'in', userIds!))
          .orderBy('users.id'),
      )
      .executeTakeFirst();
    const stored = Number(result.numInsertedOrUpdatedRows ?? 0);
    if (stored > 0) await addUnread(trx, userIds);
    return stored;
  }

  return {
    async insertFor(to, content, at) {
      if (to === 'all') return insertFrom(content, at);
      let stored = 0;
      for (let i = 0; i < to.length; i += IN_CHUNK) stored += await insertFrom(content, at, to.slice(i, i + IN_CHUNK));
      return stored;
    },
    async lastId() {
      const row = await trx.selectFrom('notifications').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      return row?.id ?? 0;
    },
    async moveSource(name, from, to, at) {
      const result = await trx
        .updateTable('notification_sources')
        .set({ last_seq: to, updated_at: at })
        .where('name', '=', name)
        .where('last_seq', '=', from)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}

export function createNotificationsRepository(db: Kysely<Database>): NotificationsRepository {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(writerFor(trx))),
    async lastId() {
      const row = await db.selectFrom('notifications').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      return row?.id ?? 0;
    },
    async list(userId, { limit, before, unreadOnly }) {
      const rows = await db
        .selectFrom('notifications')
        .select(COLUMNS)
        .where('user_id', '=', userId)
        .$if(before !== undefined, (q) => q.where('id', '<', before!))
        .$if(unreadOnly, (q) => q.where('read_at', 'is', null))
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toNotification);
    },
    async after(userId, afterId, limit) {
      const rows = await db
        .selectFrom('notifications')
        .select(COLUMNS)
        .where('user_id', '=', userId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toNotification);
    },
    async unreadCount(userId) {
      return (await readUnread(db, [userId])).get(userId) ?? 0;
    },
    readBatch: (after, unreadOf) =>
      db.transaction().execute(async (trx) => {
        const newest = await trx.selectFrom('notifications').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
        return { after: await readAfterMany(trx, after), unread: await readUnread(trx, unreadOf), lastId: newest?.id ?? 0 };
      }),
    async markRead(userId, id, at) {
      // First read wins: read_at keeps when the user first saw it.
      const marked = await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('notifications')
          .set({ read_at: at })
          .where('id', '=', id)
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirst();
        await subtractUnread(trx, userId, Number(result.numUpdatedRows));
        return result.numUpdatedRows > 0n;
      });
      if (marked) return 'marked';
      const exists = await db
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return exists ? 'already' : 'missing';
    },
    markAllRead: (userId, at) =>
      db.transaction().execute(async (trx) => {
        const newest = await trx
          .selectFrom('notifications')
          .select((eb) => eb.fn.max('id').as('id'))
          .where('user_id', '=', userId)
          .executeTakeFirst();
        const upTo = newest?.id ?? 0;
        const result = await trx
          .updateTable('notifications')
          .set({ read_at: at })
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .where('id', '<=', upTo)
          .executeTakeFirst();
        await subtractUnread(trx, userId, Number(result.numUpdatedRows));
        return { count: Number(result.numUpdatedRows), upTo };
      }),
    remove: (userId, id) =>
      db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('notifications').where('id', '=', id).where('user_id', '=', userId).returning('read_at').executeTakeFirst();
        if (gone && gone.read_at === null) await subtractUnread(trx, userId, 1);
        return gone !== undefined;
      }),
    async settings(userId) {
      const row = await db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ? toSettings(row) : { ...DEFAULT_NOTIFICATION_SETTINGS };
    },
    async saveSettings(userId, s, at) {
      const values = {
        order_large: s.order_large ? 1 : 0,
        order_large_threshold_cents: s.order_large_threshold_cents,
        order_cancelled: s.order_cancelled ? 1 : 0,
        order_refunded: s.order_refunded ? 1 : 0,
        toasts: s.toasts ? 1 : 0,
        updated_at: at,
      };
      await db
        .insertInto('notification_settings')
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    },
    async orderSubscribers() {
      const rows = await db
        .selectFrom('notification_settings')
        .selectAll()
        .where((eb) => eb.or([eb('order_large', '=', 1), eb('order_cancelled', '=', 1), eb('order_refunded', '=', 1)]))
        .orderBy('user_id')
        .execute();
      return rows.map((row) => ({ userId: row.user_id, settings: toSettings(row) }));
    },
    async sourcePosition(name) {
      const row = await db.selectFrom('notification_sources').select('last_seq').where('name', '=', name).executeTakeFirst();
      return row?.last_seq;
    },
    async initSource(name, seq, at) {
      await db
        .insertInto('notification_sources')
        .values({ name, last_seq: seq, updated_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    },
  };
}
