// 0008 on a database of the 0007 schema: every account's unread count is the same after the rebuild, and
// broadcasts and accounts made afterwards are counted by the new rule.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import { createUsersRepository } from '../../auth/users-repository.js';
import { createNotificationsRepository } from '../../notifications/notifications-repository.js';
import { databaseBefore } from '../../test/migrations.js';

it('keeps every unread count, and counts what comes after by the new rule', async () => {
  const { dir, old } = await databaseBefore('0008');
  await sql`insert into users (id, username, password_hash, role, created_at)
    values (1, 'old_a', 'x', 'user', 0), (2, 'old_b', 'x', 'user', 0), (3, 'old_c', 'x', 'user', 0), (4, 'old_d', 'x', 'user', 0)`.execute(old);
  // Two broadcasts (the first before account 3 existed), one own notification of 3's; 1 has read the first
  // broadcast and 2 deleted the second; 4 has no count row at all.
  await sql`insert into notifications (id, user_id, audience_upto, kind, title, body, level, created_at)
    values (1, null, 2, 'broadcast', 't', '', 'info', 1), (2, null, 3, 'broadcast', 't', '', 'info', 2),
           (3, 3, null, 'broadcast', 't', '', 'info', 3)`.execute(old);
  await sql`insert into notification_receipts (user_id, notification_id, read_at, deleted_at) values (1, 1, 5, null), (2, 2, null, 6)`.execute(old);
  await sql`insert into notification_counts (user_id, unread) values (1, 1), (2, 1), (3, 2)`.execute(old);
  await old.destroy();

  const database = await openDatabase(dir);
  try {
    const repo = createNotificationsRepository(database.db);
    const counts = async (ids: number[]) => {
      const unread = (await repo.readBatch([], ids)).unread;
      return ids.map((id) => unread.get(id));
    };
    expect(await counts([1, 2, 3, 4])).toEqual([1, 1, 2, 0]);

    const late = (await createUsersRepository(database.db).create({ username: 'new_e', passwordHash: 'x' })).id;
    await repo.transaction((w) => w.insertFor('all', { kind: 'broadcast', title: 'new', body: '', level: 'info', link: null }, 7));
    expect(await counts([1, 2, 3, 4, late])).toEqual([2, 2, 3, 1, 1]);
    expect(await repo.markRead(1, 2, 8)).toBe('marked');
    expect(await repo.unreadCount(1)).toBe(1);
  } finally {
    await database.close();
  }
});
