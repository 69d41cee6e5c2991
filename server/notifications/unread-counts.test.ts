// The stored unread counts against the rows they count, through every change the repository makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../db/open-database.js';
import { tempDatabase } from '../test/helpers.js';
import { createUsersRepository } from '../auth/users-repository.js';
import { createNotificationsRepository, type NotificationContent } from './notifications-repository.js';

let database: OpenDatabase;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await tempDatabase('counts'));
});
afterAll(() => dispose());

const content: NotificationContent = { kind: 'broadcast', title: 't', body: '', level: 'info', link: null };

describe('unread counts', () => {
  it('match a count of the unread rows after sends to some and to all, reads, read-all, deletes and a deleted user', async () => {
    const users = createUsersRepository(database.db);
    const repo = createNotificationsRepository(database.db);
    const ids: number[] = [];
    for (const name of ['count_a', 'count_b', 'count_c']) ids.push((await users.create({ username: name, passwordHash: 'x' })).id);
    const [a, b, c] = ids as [number, number, number];
    const counted = async (userId: number) =>
      Number(
        (
          await database.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', userId)
            .where('read_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const expectInStep = async () => {
      for (const id of ids) expect(await repo.unreadCount(id)).toBe(await counted(id));
    };

    await repo.transaction(async (w) => {
      await w.insertFor([a, b, 999_999], content, 1);
      await w.insertFor('all', content, 2);
      await w.insertFor([a], content, 3);
    });
    expect([await repo.unreadCount(a), await repo.unreadCount(b), await repo.unreadCount(c)]).toEqual([3, 2, 1]);
    await expectInStep();

    const [newestOfA, , oldestOfA] = await repo.list(a, { limit: 10, unreadOnly: false });
    expect(await repo.markRead(a, newestOfA!.id, 4)).toBe('marked');
    expect(await repo.markRead(a, newestOfA!.id, 5)).toBe('already');
    expect(await repo.remove(a, newestOfA!.id)).toBe(true); // read: the count stays
    expect(await repo.remove(a, oldestOfA!.id)).toBe(true); // unread: one fewer
    expect(await repo.remove(a, oldestOfA!.id)).toBe(false);
    expect(await repo.unreadCount(a)).toBe(1);
    await expectInStep();

    expect((await repo.markAllRead(b, 6)).count).toBe(2);
    expect(await repo.unreadCount(b)).toBe(0);
    await repo.transaction((w) => w.insertFor('all', content, 7));
    await expectInStep();
    expect((await repo.readBatch([], ids)).unread).toEqual(new Map([[a, 2], [b, 1], [c, 2]]));

    await database.db.deleteFrom('users').where('id', '=', c).execute();
    expect(await repo.unreadCount(c)).toBe(0);
  });
});
