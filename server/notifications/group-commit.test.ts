// Notifications asked for together share one commit, and each caller still learns what it stored.
import { describe, expect, it } from 'vitest';
import type { NotificationContent, NotificationsWriter } from './notifications-repository.js';
import { createGroupCommit } from './group-commit.js';

const content: NotificationContent = { kind: 'broadcast', title: 't', body: '', level: 'info', link: null };

function fakeRepo(users = 3) {
  let lastId = 0;
  const writer: NotificationsWriter = {
    insertFor: async (to) => {
      const count = to === 'all' ? users : to.length;
      lastId += count;
      return count;
    },
    lastId: async () => lastId,
    moveSource: async () => true,
  };
  const repo = {
    transactions: 0,
    failNext: false,
    async transaction<T>(work: (w: NotificationsWriter) => Promise<T>): Promise<T> {
      repo.transactions += 1;
      if (repo.failNext) {
        repo.failNext = false;
        throw new Error('disk full');
      }
      return work(writer);
    },
  };
  return repo;
}

describe('group commit', () => {
  it('stores what is asked for in one turn in one transaction, each caller with its own result', async () => {
    const repo = fakeRepo();
    const store = createGroupCommit(repo, () => 1);
    const results = await Promise.all([store([{ to: 'all', content }]), store([{ to: [7], content }]), store([{ to: [1, 2], content }])]);
    expect(repo.transactions).toBe(1);
    expect(results).toEqual([
      { recipients: 3, lastId: 3 },
      { recipients: 1, lastId: 4 },
      { recipients: 2, lastId: 6 },
    ]);
  });

  it('commits again for what is asked for later', async () => {
    const repo = fakeRepo();
    const store = createGroupCommit(repo, () => 1);
    await store([{ to: [1], content }]);
    await store([{ to: [1], content }]);
    expect(repo.transactions).toBe(2);
  });

  it('fails every caller of a failed commit, and the next commit works', async () => {
    const repo = fakeRepo();
    repo.failNext = true;
    const store = createGroupCommit(repo, () => 1);
    const outcomes = await Promise.allSettled([store([{ to: [1], content }]), store([{ to: [2], content }])]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await expect(store([{ to: [1], content }])).resolves.toEqual({ recipients: 1, lastId: 1 });
  });
});
