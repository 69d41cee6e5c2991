// Unread counts as stored numbers (see migrations 0006 and 0008), changed only inside the transaction that changes
// the notifications they count, so a count read in any snapshot matches the rows of that snapshot. An account's count
// is `unread_adjust + broadcasts - broadcasts_before`: its own unread notifications less the broadcasts it read or
// deleted, plus every broadcast stored since it existed. A broadcast so changes one total, not a row per account.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Reader = Kysely<Database> | Transaction<Database>;

const BROADCASTS = sql<number>`(select broadcasts from notification_totals where id = 1)`;

/**
 * One more unread for each user given (their own notifications). A user without a row yet gets one that starts at
 * the current total: the broadcasts stored so far were stored before they existed (else the row would be there).
 */
export async function addUnread(trx: Transaction<Database>, userIds: readonly number[]): Promise<void> {
  // `where true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
  await trx
    .insertInto('notification_counts')
    .columns(['user_id', 'unread_adjust', 'broadcasts_before'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select(['users.id', sql<number>`1`.as('unread_adjust'), BROADCASTS.as('broadcasts_before')])
        .where(sql<boolean>`true`)
        .where('users.id', 'in', userIds),
    )
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ unread_adjust: sql<number>`notification_counts.unread_adjust + 1` }))
    .execute();
}

/**
 * One more broadcast for every account that sees it. Accounts made since the previous broadcast (`since`: its
 * audience) get their row first, at the total before this one; every older account has had one since then.
 */
export async function addBroadcast(trx: Transaction<Database>, since: number): Promise<void> {
  await sql`
    insert into notification_counts (user_id, unread_adjust, broadcasts_before)
    select id, 0, ${BROADCASTS} from users where id > ${since}
    on conflict (user_id) do nothing`.execute(trx);
  await sql`update notification_totals set broadcasts = broadcasts + 1 where id = 1`.execute(trx);
}

export async function subtractUnread(trx: Transaction<Database>, userId: number, count: number): Promise<void> {
  if (count === 0) return;
  await trx
    .updateTable('notification_counts')
    .set({ unread_adjust: sql<number>`unread_adjust - ${count}` })
    .where('user_id', '=', userId)
    .execute();
}

export async function readUnread(db: Reader, userIds: readonly number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await sql<{ user_id: number; n: number | null }>`
    select u.value as user_id, c.unread_adjust + t.broadcasts - c.broadcasts_before as n
    from json_each(${JSON.stringify(userIds)}) u
    cross join notification_totals t
    left join notification_counts c on c.user_id = u.value`.execute(db);
  return new Map(rows.map((r) => [r.user_id, Number(r.n ?? 0)]));
}
