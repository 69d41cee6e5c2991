// The stored unread counts against the rows they count, through every change the repository makes.
import { sql } from 'kysely';
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
    // Counted from the rows independently of the repository's queries: the user's own unread rows, and the
    // broadcasts stored while they existed that they have neither read nor deleted (no receipt).
    const counted = async (userId: number) => {
      const { rows } = await sql<{ n: number }>`
        select (select count(*) from notifications where user_id = ${userId} and read_at is null)
          + (select count(*) from notifications n where n.user_id is null and n.audience_upto >= ${userId}
             and not exists (select 1 from notification_receipts r where r.user_id = ${userId} and r.notification_id = n.id)) as n
      `.execute(database.db);
      return Number(rows[0]!.n);
    };
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
    expect(await repo.remove(a, newestOfA!.id, 5)).toBe(true); // read: the count stays
    expect(await repo.remove(a, oldestOfA!.id, 5)).toBe(true); // unread: one fewer
    expect(await repo.remove(a, oldestOfA!.id, 5)).toBe(false);
    expect(await repo.unreadCount(a)).toBe(1);
    await expectInStep();

    expect((await repo.markAllRead(b, 6)).count).toBe(2);
    expect(await repo.unreadCount(b)).toBe(0);
    await repo.transaction((w) => w.insertFor('all', content, 7));
    await expectInStep();
    expect((await repo.readBatch([], ids)).unread).toEqual(new Map([[a, 2], [b, 1], [c, 2]]));

    // Broadcasts: read then deleted (the count stays), deleted unread (one fewer), each for one user only.
    const [latest] = await repo.list(c, { limit: 1, unreadOnly: false });
    expect(await repo.markRead(c, latest!.id, 8)).toBe('marked');
    expect(await repo.remove(c, latest!.id, 8)).toBe(true);
    expect(await repo.markRead(c, latest!.id, 9)).toBe('missing');
    expect(await repo.unreadCount(c)).toBe(1);
    const [latestOfB] = await repo.list(b, { limit: 1, unreadOnly: false });
    expect(latestOfB!.id).toBe(latest!.id); // the same row for every user
    expect(await repo.remove(b, latestOfB!.id, 9)).toBe(true);
    expect(await repo.remove(b, latestOfB!.id, 9)).toBe(false);
    expect(await repo.unreadCount(b)).toBe(0);
    expect((await repo.list(a, { limit: 1, unreadOnly: true }))[0]!.id).toBe(latest!.id); // still a's
    await expectInStep();

    // An account made after a broadcast does not see it; read-all covers broadcasts and own rows alike.
    const d = (await users.create({ username: 'count_d', passwordHash: 'x' })).id;
    ids.push(d);
    expect(await repo.list(d, { limit: 10, unreadOnly: false })).toEqual([]);
    expect(await repo.markRead(d, latest!.id, 10)).toBe('missing');
    await repo.transaction((w) => w.insertFor('all', content, 11));
    expect(await repo.unreadCount(d)).toBe(1);
    expect((await repo.markAllRead(a, 12)).count).toBe(3);
    expect(await repo.unreadCount(a)).toBe(0);
    await expectInStep();

    // Accounts made between broadcasts: one is sent its own notification first (its count starts there), the
    // other nothing; the next broadcast counts for both, the ones before for neither.
    const e = (await users.create({ username: 'count_e', passwordHash: 'x' })).id;
    const f = (await users.create({ username: 'count_f', passwordHash: 'x' })).id;
    ids.push(e, f);
    await repo.transaction((w) => w.insertFor([e], content, 13));
    expect([await repo.unreadCount(e), await repo.unreadCount(f)]).toEqual([1, 0]);
    await repo.transaction(async (w) => {
      await w.insertFor('all', content, 14);
      await w.insertFor('all', content, 15);
    });
    expect([await repo.unreadCount(e), await repo.unreadCount(f)]).toEqual([3, 2]);
    expect((await repo.markAllRead(f, 16)).count).toBe(2);
    expect(await repo.unreadCount(f)).toBe(0);
    await expectInStep();

    await database.db.deleteFrom('users').where('id', '=', c).execute();
    expect(await repo.unreadCount(c)).toBe(0);
  });
});
