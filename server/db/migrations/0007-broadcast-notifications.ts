import { sql, type Kysely, type Migration } from 'kysely';

// A notification to every user is stored once instead of once per user. Each copy cost a row and an index entry
// at its user's place (about 5 µs a row here): with 500 accounts a broadcast wrote 501 rows, and a few hundred
// broadcasts a second were bound by those writes. A broadcast row has no user; `audience_upto` is the users'
// AUTOINCREMENT position when it was stored, so it shows to the accounts that existed then (user ids are never
// reused) and not to accounts made later. What each user did with it (read, deleted) is a receipt row, written only when they do.
//
// SQLite cannot make a column nullable in place: the table is rebuilt with the same ids, and its AUTOINCREMENT
// position is carried over so an id is never handed out twice (a stream's Last-Event-ID keeps its meaning).
export const broadcastNotifications: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table notifications_next (
        id integer primary key autoincrement,
        user_id integer references users (id) on delete cascade,
        audience_upto integer,
        kind text not null,
        title text not null,
        body text not null,
        link text,
        level text not null check (level in ('info', 'success', 'warning', 'error')),
        created_at bigint not null,
        read_at bigint,
        -- A row is either one user's (with its own read time) or a broadcast (read times are receipts).
        check ((user_id is null) = (audience_upto is not null)),
        check (user_id is not null or read_at is null)
      )`.execute(db);
    await sql`
      insert into notifications_next (id, user_id, audience_upto, kind, title, body, link, level, created_at, read_at)
      select id, user_id, null, kind, title, body, link, level, created_at, read_at from notifications`.execute(db);
    const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'notifications'`.execute(db);
    await sql`drop table notifications`.execute(db);
    await sql`alter table notifications_next rename to notifications`.execute(db);
    const position = rows[0]?.seq ?? 0;
    await sql`update sqlite_sequence set seq = max(seq, ${position}) where name = 'notifications'`.execute(db);
    await sql`insert into sqlite_sequence (name, seq) select 'notifications', ${position}
      where ${position} > 0 and not exists (select 1 from sqlite_sequence where name = 'notifications')`.execute(db);
    // Lists and stream reads: a user's rows, and the broadcasts (user_id is null), each a range of this index.
    await sql`create index notifications_user_id_id on notifications (user_id, id)`.execute(db);
    // The first broadcast an account sees, in one seek (audiences never go down, so it is the oldest of those
    // whose audience includes the account).
    await sql`create index notifications_broadcast_audience on notifications (audience_upto, id) where user_id is null`.execute(db);

    await sql`
      create table notification_receipts (
        user_id integer not null references users (id) on delete cascade,
        notification_id integer not null references notifications (id) on delete cascade,
        read_at bigint,
        deleted_at bigint,
        primary key (user_id, notification_id)
      ) without rowid`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table notification_receipts`.execute(db);
    // Broadcasts cannot go back to one row per user without knowing who saw what: they are dropped.
    await sql`delete from notifications where user_id is null`.execute(db);
  },
};
