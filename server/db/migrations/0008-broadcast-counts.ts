import { sql, type Kysely, type Migration } from 'kysely';

// A broadcast no longer touches a row per account. Its unread count went up by an upsert for every user, so what a
// broadcast cost grew with the accounts (4.8–5.0 ms of CPU at 20,000 accounts, 1.2–1.3 ms with this change; at 500
// the synchronous commit and the request are most of it either way). Now there is one total of broadcasts, and each
// account keeps the total at the time it could first see one (`broadcasts_before`, the broadcasts stored before it
// existed) and `unread_adjust`: its own unread notifications less the broadcasts it has read or deleted. Its unread
// count is `unread_adjust + broadcasts - broadcasts_before`. A broadcast adds one to the total and a row for each
// account made since the previous broadcast, which has none yet.
//
// The check that a count never goes below 0 no longer holds for the stored part, and SQLite drops a check only by
// rebuilding the table: it is small (a row per account), and every count is carried over unchanged.
export const broadcastCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table notification_totals (
        id integer primary key check (id = 1),
        broadcasts integer not null check (broadcasts >= 0)
      )`.execute(db);
    await sql`insert into notification_totals (id, broadcasts) select 1, count(*) from notifications where user_id is null`.execute(db);
    await sql`
      create table notification_counts_next (
        user_id integer primary key references users (id) on delete cascade,
        unread_adjust integer not null,
        broadcasts_before integer not null check (broadcasts_before >= 0)
      )`.execute(db);
    // Every account gets a row: the broadcasts stored before it existed, and its count as it stands.
    await sql`
      insert into notification_counts_next (user_id, unread_adjust, broadcasts_before)
      select u.id, coalesce(c.unread, 0) - (t.broadcasts - u.before), u.before
      from (
        select id, (select count(*) from notifications n where n.user_id is null and n.audience_upto < users.id) as before
        from users
      ) u
      cross join notification_totals t
      left join notification_counts c on c.user_id = u.id`.execute(db);
    await sql`drop table notification_counts`.execute(db);
    await sql`alter table notification_counts_next rename to notification_counts`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`
      create table notification_counts_previous (
        user_id integer primary key references users (id) on delete cascade,
        unread integer not null check (unread >= 0)
      )`.execute(db);
    await sql`
      insert into notification_counts_previous (user_id, unread)
      select c.user_id, c.unread_adjust + t.broadcasts - c.broadcasts_before from notification_counts c cross join notification_totals t`.execute(db);
    await sql`drop table notification_counts`.execute(db);
    await sql`alter table notification_counts_previous rename to notification_counts`.execute(db);
    await sql`drop table notification_totals`.execute(db);
  },
};
