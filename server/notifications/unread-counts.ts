// Unread counts as stored numbers (see migration 0006), changed only inside the transaction that changes the
// notifications they count, so a count read in any snapshot matches the rows of that snapshot.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Reader = Kysely<Database> | Transaction<Database>;

/** One more unread for each user given, or for every user. Users that do not exist get no row. */
export async function addUnread(trx: Transaction<Database>, userIds?: readonly number[]): Promise<void> {
  // `where true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
  await trx
    .insertInto('notification_counts')
    .columns(['user_id', 'unread'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select(['users.id', sql<number>`1`.as('unread')])
        .where(sql<boolean>`true`)
        .$if(userIds !== undefined, (q) => q.where('users.id', 'in', userIds!)),
    )
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ unread: sql<number>`notification_counts.unread + 1` }))
    .execute();
}

export async function subtractUnread(trx: Transaction<Database>, userId: number, count: number): Promise<void> {
  if (count === 0) return;
  await trx
    .updateTable('notification_counts')
    .set({ unread: sql<number>`unread - ${count}` })
    .where('user_id', '=', userId)
    .execute();
}

export async function readUnread(db: Reader, userIds: readonly number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await sql<{ user_id: number; n: number | null }>`
    select u.value as user_id, c.unread as n
    from json_each(${JSON.stringify(userIds)}) u left join notification_counts c on c.user_id = u.value`.execute(db);
  return new Map(rows.map((r) => [r.user_id, Number(r.n ?? 0)]));
}
