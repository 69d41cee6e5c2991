// Batched stream reads: the questions of one broadcast's wake-ups go to the database together, and every caller
// gets exactly what the same query asked alone would have answered.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../contract/notifications.js';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';
import type { AfterRequest, BatchRead } from './notifications-repository.js';
import { createReadBatcher } from './read-batcher.js';

const row = (id: number): Notification => ({ id, kind: 'broadcast', title: `n${id}`, body: '', link: null, level: 'info', created_at: 1, read_at: null });

function fakeRepo() {
  const readBatch = vi.fn(
    async (after: readonly AfterRequest[], unreadOf: readonly number[]): Promise<BatchRead> => ({
      after: after.map((r) => [row(r.userId * 100 + r.afterId + 1)]),
      unread: new Map(unreadOf.map((u) => [u, u * 10])),
      lastId: 42,
    }),
  );
  return { readBatch };
}

describe('read batcher', () => {
  it('answers the questions asked in one go with one read, identical ones with one shared answer', async () => {
    const repo = fakeRepo();
    const reads = createReadBatcher(repo);
    const [a1, a2, b, count, both, last] = await Promise.all([
      reads.after(1, 5, 100),
      reads.after(1, 5, 100),
      reads.after(2, 7, 100),
      reads.unreadCount(3),
      reads.newFor(2, 7, 100),
      reads.lastId(),
    ]);
    expect(repo.readBatch).toHaveBeenCalledTimes(1);
    expect(repo.readBatch).toHaveBeenCalledWith(
      [
        { userId: 1, afterId: 5, limit: 100 },
        { userId: 2, afterId: 7, limit: 100 },
      ],
      [3, 2],
    );
    expect(a1).toBe(a2);
    expect(a1.map((n) => n.id)).toEqual([106]);
    expect(b.map((n) => n.id)).toEqual([208]);
    expect(both).toEqual({ notifications: b, unread: 20 });
    expect([count, last]).toEqual([30, 42]);
  });

  it('reads again for questions asked after a batch went out', async () => {
    const repo = fakeRepo();
    const reads = createReadBatcher(repo);
    await reads.unreadCount(1);
    await reads.unreadCount(1);
    expect(repo.readBatch).toHaveBeenCalledTimes(2);
  });

  it('fails every question of a batch whose read failed, and recovers for the next', async () => {
    const repo = fakeRepo();
    repo.readBatch.mockRejectedValueOnce(new Error('disk gone'));
    const reads = createReadBatcher(repo);
    const outcomes = await Promise.allSettled([reads.after(1, 0, 10), reads.unreadCount(1), reads.lastId()]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await expect(reads.lastId()).resolves.toBe(42);
  });
});

describe('batched reads from the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('gives each user only their own notifications after their position, oldest first, up to the limit', async () => {
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.app.notify('all', { kind: 'broadcast', title: `all ${i}` })).lastId);
    await t.app.notify([bob.user.id], { kind: 'broadcast', title: 'bob only' });
    const service = t.app.notifications;
    const a = await service.after(alice.user.id, 0, 100);
    const [fromTwo, firstTwo, bobs, bobCount] = await Promise.all([
      service.after(alice.user.id, a[1]!.id, 100),
      service.after(alice.user.id, 0, 2),
      service.newFor(bob.user.id, 0, 100),
      service.unreadCount(bob.user.id),
    ]);
    expect(a.map((n) => n.title)).toEqual(['all 0', 'all 1', 'all 2', 'all 3', 'all 4']);
    expect(fromTwo.map((n) => n.title)).toEqual(['all 2', 'all 3', 'all 4']);
    expect(firstTwo.map((n) => n.title)).toEqual(['all 0', 'all 1']);
    expect(bobs.notifications.map((n) => n.title)).toEqual(['all 0', 'all 1', 'all 2', 'all 3', 'all 4', 'bob only']);
    expect([bobs.unread, bobCount]).toEqual([6, 6]);
    expect(await service.lastId()).toBeGreaterThan(ids.at(-1)!);
  });
});
