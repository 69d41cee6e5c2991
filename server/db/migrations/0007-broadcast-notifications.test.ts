// The table rebuild of 0007 on a database written by the earlier schema: rows, read times and counts are kept,
// and ids go on from where AUTOINCREMENT had got to, even past rows that were deleted.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import { createNotificationsRepository } from '../../notifications/notifications-repository.js';
import { databaseBefore } from '../../test/migrations.js';

it('keeps every row and its read time, and never hands out an id again', async () => {
  const { dir, old } = await databaseBefore('0007');
  await sql`insert into users (id, username, password_hash, role, created_at) values (1, 'old_a', 'x', 'user', 0), (2, 'old_b', 'x', 'user', 0)`.execute(old);
  for (const [user, readAt] of [[1, 5], [2, null], [1, null], [2, null]] as const) {
    await sql`insert into notifications (user_id, kind, title, body, level, created_at, read_at)
      values (${user}, 'broadcast', 't', '', 'info', 1, ${readAt})`.execute(old);
  }
  await sql`insert into notification_counts (user_id, unread) values (1, 1), (2, 2)`.execute(old);
  await sql`delete from notifications where id = 4`.execute(old); // the newest: AUTOINCREMENT stays at 4
  await sql`update notification_counts set unread = 1 where user_id = 2`.execute(old);
  await old.destroy();

  const database = await openDatabase(dir);
  try {
    const repo = createNotificationsRepository(database.db);
    expect((await repo.list(1, { limit: 10, unreadOnly: false })).map((n) => [n.id, n.read_at])).toEqual([
      [3, null],
      [1, 5],
    ]);
    expect(await repo.unreadCount(2)).toBe(1);
    const stored = await repo.transaction(async (w) => ({ recipients: await w.insertFor('all', { kind: 'broadcast', title: 'new', body: '', level: 'info', link: null }, 2), lastId: await w.lastId() }));
    expect(stored).toEqual({ recipients: 2, lastId: 5 });
    expect((await repo.after(2, 2, 10)).map((n) => n.id)).toEqual([5]);
    expect(await repo.unreadCount(2)).toBe(2);
  } finally {
    await database.close();
  }
});
