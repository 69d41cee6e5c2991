// The batched read streams use (readBatch) against the single-user read (after), over a mix of own rows,
// broadcasts, receipts and accounts made between broadcasts, in both of its regimes: every position within a page
// of the newest broadcasts (one shared range read) and one position far behind (a read per request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../db/open-database.js';
import { tempDatabase } from '../test/helpers.js';
import { createUsersRepository } from '../auth/users-repository.js';
import { createNotificationsRepository, type AfterRequest, type NotificationContent } from './notifications-repository.js';

let database: OpenDatabase;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await tempDatabase('batch-reads'));
});
afterAll(() => dispose());

const content = (title: string): NotificationContent => ({ kind: 'broadcast', title, body: '', level: 'info', link: null });

describe('batched stream reads', () => {
  it('answer each request as its own read would, live or far behind', async () => {
    const users = createUsersRepository(database.db);
    const repo = createNotificationsRepository(database.db);
    const made = async (name: string) => (await users.create({ username: name, passwordHash: 'x' })).id;
    const [a, b] = [await made('batch_a'), await made('batch_b')];
    const send = (to: readonly number[] | 'all', title: string) => repo.transaction((w) => w.insertFor(to, content(title), 1));

    for (let i = 0; i < 6; i += 1) await send('all', `all ${i}`);
    const c = await made('batch_c'); // sees only what comes after
    await send([a], 'own a');
    await send('all', 'all 6');
    await send([c, b], 'own b c');
    await send('all', 'all 7');
    const seenByA = await repo.after(a, 0, 100);
    await repo.markRead(a, seenByA[0]!.id, 5);
    await repo.remove(a, seenByA[1]!.id, 5);
    await repo.remove(b, seenByA[2]!.id, 5);

    const last = await repo.lastId(); // 'all 7'
    await repo.markRead(a, last - 3, 6); // 'all 6', inside the live range
    await repo.remove(b, last, 6);
    // From just before 'all 5' on, there are 3 broadcasts: within the limit, read as one shared range.
    const live: AfterRequest[] = [a, b, c].flatMap((userId) => [last - 6, last - 2].map((afterId) => ({ userId, afterId, limit: 3 })));
    const behind: AfterRequest[] = [...live, { userId: a, afterId: 0, limit: 3 }, { userId: c, afterId: 0, limit: 100 }];
    for (const requests of [live, behind]) {
      const { after } = await repo.readBatch(requests, []);
      for (const [i, r] of requests.entries()) expect(after[i]).toEqual(await repo.after(r.userId, r.afterId, r.limit));
    }
    // What the checks above rest on: c never sees the broadcasts from before its account; a sees its read time.
    expect((await repo.after(c, 0, 100)).map((n) => n.title)).toEqual(['all 6', 'own b c', 'all 7']);
    expect(seenByA.map((n) => n.title).slice(0, 3)).toEqual(['all 0', 'all 1', 'all 2']);
    expect((await repo.after(a, 0, 1))[0]!.read_at).toBe(5);
    expect((await repo.after(b, 0, 100)).map((n) => n.title)).not.toContain('all 2');
  });
});
