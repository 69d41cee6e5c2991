// Storage of notifications, each user's notification settings and the positions of notification sources. Every
// read and change is scoped by user id: there is no query by notification id alone, so one user can never reach
// another's notifications. A notification to every user is one broadcast row (see migration 0007): a user sees
// their own rows and the broadcasts stored while their account existed, minus those they deleted, and a
// broadcast's read time for them is their receipt's.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type Notification,
  type NotificationKind,
  type NotificationLevel,
  type NotificationSettings,
} from '../contract/notifications.js';
import type { Database, NotificationRow, NotificationSettingsRow } from '../db/schema.js';
import { addBroadcast, addUnread, readUnread, subtractUnread } from './unread-counts.js';

export interface NotificationContent {
  kind: NotificationKind;
  title: string;
  body: string;
  level: NotificationLevel;
  link: string | null;
}

export interface NotificationsWriter {
  /**
   * Stores a notification for the users given (a row each; ids of deleted users are skipped) or for every user
   * (one broadcast row); returns how many users it went to.
   */
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
  /** Deletes the user's own notification, or hides a broadcast from them (recorded at `at`). */
  remove(userId: number, id: number, at: number): Promise<boolean>;
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

export function toNotification(row: Omit<NotificationRow, 'user_id' | 'audience_upto'>): Notification {
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

type Reader = Kysely<Database> | Transaction<Database>;
type Row = Omit<NotificationRow, 'user_id' | 'audience_upto'>;

/**
 * The first broadcast `user` sees (a huge id when none). Broadcasts are stored with a non-decreasing audience
 * (see `insertBroadcast`), so an account sees every broadcast from this one on, minus those it deleted: one seek
 * on the partial index. `user` is a value or a column reference.
 */
const firstBroadcastSql = (user: RawBuilder<unknown>) => sql<number>`coalesce(
  (select id from notifications indexed by notifications_broadcast_audience
   where user_id is null and audience_upto >= ${user} order by audience_upto, id limit 1),
  ${Number.MAX_SAFE_INTEGER})`;

// Computed first and passed as a value: compared with a subquery, the range is collected and sorted, not walked.
async function firstBroadcastOf(db: Reader, userId: number): Promise<number> {
  const { rows } = await sql<{ first: number }>`select ${firstBroadcastSql(sql.val(userId))} as first`.execute(db);
  return rows[0]!.first;
}

/** A read of what one user sees: after a position (oldest first) or before one (newest first). */
interface SeenQuery {
  userId: number;
  /** Rows with ids above `after` (oldest first) or below `before` (newest first). */
  range: { after: number } | { before?: number };
  limit: number;
  unreadOnly?: boolean;
}

/**
 * Two reads merged, each a range of (user_id, id) walked in order and cut at the limit: the user's own rows, and
 * the broadcasts they see with their receipt's read time. One query with an OR across both collects and sorts
 * every matching row before the limit applies.
 */
async function readSeen(db: Reader, q: SeenQuery): Promise<Notification[]> {
  const ascending = 'after' in q.range;
  const bound = 'after' in q.range ? sql`and n.id > ${q.range.after}` : q.range.before === undefined ? sql`` : sql`and n.id < ${q.range.before}`;
  const direction = ascending ? sql`asc` : sql`desc`;
  const user = sql.val(q.userId);
  const first = await firstBroadcastOf(db, q.userId);
  const own = await sql<Row>`
    select n.id, n.kind, n.title, n.body, n.link, n.level, n.created_at, n.read_at from notifications n
    where n.user_id = ${user} ${bound} ${q.unreadOnly ? sql`and n.read_at is null` : sql``}
    order by n.id ${direction} limit ${q.limit}`.execute(db);
  const broadcasts = await sql<Row>`
    select n.id, n.kind, n.title, n.body, n.link, n.level, n.created_at, r.read_at from notifications n
    left join notification_receipts r on r.user_id = ${user} and r.notification_id = n.id
    where n.user_id is null and n.id >= ${first} ${bound} and r.deleted_at is null
    ${q.unreadOnly ? sql`and r.read_at is null` : sql``}
    order by n.id ${direction} limit ${q.limit}`.execute(db);
  const merged = [...own.rows, ...broadcasts.rows].sort(ascending ? (a, b) => a.id - b.id : (a, b) => b.id - a.id);
  return merged.slice(0, q.limit).map(toNotification);
}

type BroadcastRow = Row & { audience_upto: number };

/**
 * The broadcasts after each request's position when they are all among the newest `limit` + 1 after the
 * earliest position, as live streams are: one range read for everyone, the receipts of those users in that range,
 * and one object per broadcast shared by every user without a receipt for it. Undefined when a request is further
 * behind than that (a replay); those are read per request.
 */
async function recentBroadcasts(db: Reader, requests: readonly AfterRequest[]): Promise<Row[][] | undefined> {
  let earliest = Number.MAX_SAFE_INTEGER;
  let limit = 0;
  for (const r of requests) {
    earliest = Math.min(earliest, r.afterId);
    limit = Math.max(limit, r.limit);
  }
  const { rows: recent } = await sql<BroadcastRow>`
    select id, kind, title, body, link, level, created_at, null as read_at, audience_upto from notifications
    where user_id is null and id > ${earliest} order by id limit ${limit + 1}`.execute(db);
  if (recent.length > limit) return undefined;
  if (recent.length === 0) return requests.map(() => []);
  const users = JSON.stringify([...new Set(requests.map((r) => r.userId))]);
  const { rows: receipts } = await sql<{ user_id: number; notification_id: number; read_at: number | null; deleted_at: number | null }>`
    select r.user_id, r.notification_id, r.read_at, r.deleted_at
    from json_each(${users}) u join notification_receipts r
      on r.user_id = u.value and r.notification_id between ${recent[0]!.id} and ${recent[recent.length - 1]!.id}`.execute(db);
  const receiptOf = new Map(receipts.map((r) => [`${r.user_id}:${r.notification_id}`, r]));
  const shared: Row[] = recent.map(({ audience_upto: _, ...row }) => row);
  return requests.map(({ userId, afterId }) => {
    const seen: Row[] = [];
    recent.forEach((b, i) => {
      if (b.id <= afterId || b.audience_upto < userId) return;
      const receipt = receipts.length === 0 ? undefined : receiptOf.get(`${userId}:${b.id}`);
      if (receipt?.deleted_at != null) return;
      seen.push(receipt?.read_at != null ? { ...shared[i]!, read_at: receipt.read_at } : shared[i]!);
    });
    return seen;
  });
}

/**
 * Each request's broadcasts read on its own: two index seeks each, in one statement per distinct limit. `pairs`:
 * the requests as JSON `[index, userId, afterId]` triples.
 */
async function broadcastsPerRequest(db: Reader, pairs: string, limit: number): Promise<(Row & { req: number })[]> {
  // `seen.after_id`: where the user's broadcasts start, if that is later than where the request does.
  const { rows } = await sql<Row & { req: number }>`
    with req(i, user_id, after_id) as (select value ->> 0, value ->> 1, value ->> 2 from json_each(${pairs})),
    seen(i, user_id, after_id) as (select i, user_id, max(after_id, ${firstBroadcastSql(sql.ref('req.user_id'))} - 1) from req)
    select seen.i as req, n.id, n.kind, n.title, n.body, n.link, n.level, n.created_at, r.read_at
    from seen join notifications n on n.id in (
      select b.id from notifications b
      left join notification_receipts d on d.user_id = seen.user_id and d.notification_id = b.id
      where b.user_id is null and b.id > seen.after_id and d.deleted_at is null
      order by b.id limit ${limit}
    )
    left join notification_receipts r on r.user_id = seen.user_id and r.notification_id = n.id`.execute(db);
  return rows;
}

/**
 * `readSeen` for many users at once. Own rows: one statement per distinct limit (SQLite's LIMIT cannot refer to a
 * row), the requests travelling as one JSON parameter, so the SQL text, and its cached prepared statement, stays
 * the same whatever their number. Broadcasts: see `recentBroadcasts`.
 */
async function readAfterMany(db: Reader, requests: readonly AfterRequest[]): Promise<Notification[][]> {
  if (requests.length === 0) return [];
  const recent = await recentBroadcasts(db, requests);
  const found: Row[][] = recent ?? requests.map(() => []);
  const byLimit = new Map<number, number[]>();
  requests.forEach((r, i) => {
    const same = byLimit.get(r.limit);
    if (same) same.push(i);
    else byLimit.set(r.limit, [i]);
  });
  for (const [limit, indexes] of byLimit) {
    const pairs = JSON.stringify(indexes.map((i) => [i, requests[i]!.userId, requests[i]!.afterId]));
    const own = await sql<Row & { req: number }>`
      with req(i, user_id, after_id) as (select value ->> 0, value ->> 1, value ->> 2 from json_each(${pairs}))
      select req.i as req, n.id, n.kind, n.title, n.body, n.link, n.level, n.created_at, n.read_at
      from req join notifications n on n.id in (
        select id from notifications where user_id = req.user_id and id > req.after_id order by id limit ${limit}
      )`.execute(db);
    const broadcasts = recent ? [] : await broadcastsPerRequest(db, pairs, limit);
    for (const { req: i, ...row } of own.rows) found[i]!.push(row);
    for (const { req: i, ...row } of broadcasts) found[i]!.push(row);
  }
  const notifications = new Map<Row, Notification>();
  const toShared = (row: Row) => {
    let n = notifications.get(row);
    if (!n) notifications.set(row, (n = toNotification(row)));
    return n;
  };
  return found.map((rows, i) => {
    if (rows.length > 1) rows.sort((a, b) => a.id - b.id);
    return rows.slice(0, requests[i]!.limit).map(toShared);
  });
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
  async function insertFrom(content: NotificationContent, at: number, userIds: readonly number[]): Promise<number> {
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
          .where('users.id', 'in', userIds)
          .orderBy('users.id'),
      )
      .executeTakeFirst();
    const stored = Number(result.numInsertedOrUpdatedRows ?? 0);
    if (stored > 0) await addUnread(trx, userIds);
    return stored;
  }

  /**
   * One row for every user: shows to each account that exists now, none made later. The audience is the users'
   * AUTOINCREMENT position, not their newest id: it never goes down (deleting the newest account lowers the newest
   * id), which keeps the broadcasts an account sees a suffix of all broadcasts (see `firstBroadcastOf`).
   */
  async function insertBroadcast(content: NotificationContent, at: number): Promise<number> {
    // The previous broadcast's audience (the newest is the largest: audiences never go down), read before this one
    // is stored: the accounts made since have no count yet.
    const previous = await sql<{ since: number | null }>`
      select audience_upto as since from notifications where user_id is null order by id desc limit 1`.execute(trx);
    const stored = await sql<{ recipients: number }>`
      insert into notifications (user_id, audience_upto, kind, title, body, link, level, created_at)
      select null, seq, ${content.kind}, ${content.title}, ${content.body}, ${content.link}, ${content.level}, ${at}
      from sqlite_sequence where name = 'users' and exists (select 1 from users)
      returning (select count(*) from users) as recipients`.execute(trx);
    const recipients = Number(stored.rows[0]?.recipients ?? 0);
    if (recipients > 0) await addBroadcast(trx, Number(previous.rows[0]?.since ?? 0));
    return recipients;
  }

  return {
    async insertFor(to, content, at) {
      if (to === 'all') return insertBroadcast(content, at);
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
    list: (userId, { limit, before, unreadOnly }) => readSeen(db, { userId, range: { before }, limit, unreadOnly }),
    after: (userId, afterId, limit) => readSeen(db, { userId, range: { after: afterId }, limit }),
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
      return db.transaction().execute(async (trx) => {
        const own = await trx
          .updateTable('notifications')
          .set({ read_at: at })
          .where('id', '=', id)
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirst();
        // A broadcast this user sees gets their receipt, unless they have one (read or deleted) already.
        const receipt =
          own.numUpdatedRows > 0n
            ? undefined
            : await sql`
                insert into notification_receipts (user_id, notification_id, read_at)
                select ${userId}, id, ${at} from notifications where id = ${id} and user_id is null and audience_upto >= ${userId}
                on conflict do nothing`.execute(trx);
        if (own.numUpdatedRows > 0n || (receipt?.numAffectedRows ?? 0n) > 0n) {
          await subtractUnread(trx, userId, 1);
          return 'marked' as const;
        }
        // Whether the user sees it at all, by the same rule as every list: the first one from just before it.
        const [seen] = await readSeen(trx, { userId, range: { after: id - 1 }, limit: 1 });
        return seen?.id === id ? ('already' as const) : ('missing' as const);
      });
    },
    markAllRead: (userId, at) =>
      db.transaction().execute(async (trx) => {
        const [newest] = await readSeen(trx, { userId, range: {}, limit: 1 });
        const upTo = newest?.id ?? 0;
        const own = await trx
          .updateTable('notifications')
          .set({ read_at: at })
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .where('id', '<=', upTo)
          .executeTakeFirst();
        // Broadcasts without a receipt are the unread ones (deleting or reading one writes its receipt).
        const broadcasts = await sql`
          insert into notification_receipts (user_id, notification_id, read_at)
          select ${userId}, id, ${at} from notifications
          where user_id is null and id between ${await firstBroadcastOf(trx, userId)} and ${upTo}
          on conflict do nothing`.execute(trx);
        const count = Number(own.numUpdatedRows) + Number(broadcasts.numAffectedRows ?? 0n);
        await subtractUnread(trx, userId, count);
        return { count, upTo };
      }),
    remove: (userId, id, at) =>
      db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('notifications').where('id', '=', id).where('user_id', '=', userId).returning('read_at').executeTakeFirst();
        if (gone) {
          if (gone.read_at === null) await subtractUnread(trx, userId, 1);
          return true;
        }
        // A broadcast is deleted for this user only: their receipt says so. `was_read` is null for a new receipt.
        const { rows } = await sql<{ was_read: number | null }>`
          insert into notification_receipts (user_id, notification_id, deleted_at)
          select ${userId}, id, ${at} from notifications where id = ${id} and user_id is null and audience_upto >= ${userId}
          on conflict (user_id, notification_id) do update set deleted_at = excluded.deleted_at where deleted_at is null
          returning read_at as was_read`.execute(trx);
        if (rows.length === 0) return false;
        if (rows[0]!.was_read === null) await subtractUnread(trx, userId, 1);
        return true;
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
