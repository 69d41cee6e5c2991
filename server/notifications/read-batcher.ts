// A broadcast wakes every open stream, and each asks the same questions at once: what is new for my user after
// id X, how many are unread, what is the newest id. Asked one by one, 1,000 streams queue 2,000 queries on the
// one SQLite connection, and the queue itself costs more than the queries. Here the questions asked in one
// microtask checkpoint are answered together, from one snapshot: a statement per kind of question, and identical
// questions (the tabs of one user) share one answer. A broadcast's wake-ups all start their reads before the
// first flush runs, since each was queued as a microtask before it; waiting for a later phase of the event loop
// would gather no more of them and would let other requests change the data the answers should show.
//
// Each answer is what the query asked alone would return, because it is read after the question was asked: a
// caller that registered for wake-ups before asking (the streams do) still sees everything committed since.
import type { Notification } from '../contract/notifications.js';
import type { AfterRequest, NotificationsRepository } from './notifications-repository.js';

/** What a woken stream sends: the notifications after its position, and the unread count that follows them. */
export interface NewForStream {
  /** Oldest first. Shared with every caller that asked the same in the same batch: read it, do not change it. */
  notifications: readonly Notification[];
  unread: number;
}

export interface ReadBatcher {
  after(userId: number, afterId: number, limit: number): Promise<readonly Notification[]>;
  unreadCount(userId: number): Promise<number>;
  /** `after` and `unreadCount` together, answered from the same snapshot. */
  newFor(userId: number, afterId: number, limit: number): Promise<NewForStream>;
  lastId(): Promise<number>;
}

interface Answers {
  after(key: string): readonly Notification[];
  unread(userId: number): number;
  lastId: number;
}

interface Batch {
  after: Map<string, AfterRequest>;
  unread: Set<number>;
  waiters: { answer(from: Answers): void; fail(error: unknown): void }[];
}

const emptyBatch = (): Batch => ({ after: new Map(), unread: new Set(), waiters: [] });
const keyOf = (userId: number, afterId: number, limit: number) => `${userId}:${afterId}:${limit}`;

export function createReadBatcher(repo: Pick<NotificationsRepository, 'readBatch'>): ReadBatcher {
  let batch = emptyBatch();
  let scheduled = false;

  function ask<T>(pick: (from: Answers) => T, needs: { after?: AfterRequest; unread?: number } = {}): Promise<T> {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
    if (needs.after) batch.after.set(keyOf(needs.after.userId, needs.after.afterId, needs.after.limit), needs.after);
    if (needs.unread !== undefined) batch.unread.add(needs.unread);
    return new Promise<T>((resolve, reject) => batch.waiters.push({ answer: (from) => resolve(pick(from)), fail: reject }));
  }

  function flush(): void {
    const { after, unread, waiters } = batch;
    batch = emptyBatch();
    scheduled = false;
    const keys = [...after.keys()];
    repo.readBatch([...after.values()], [...unread]).then(
      (result) => {
        const index = new Map(keys.map((key, i) => [key, i]));
        const answers: Answers = {
          after: (key) => result.after[index.get(key)!]!,
          unread: (userId) => result.unread.get(userId) ?? 0,
          lastId: result.lastId,
        };
        for (const w of waiters) w.answer(answers);
      },
      (error: unknown) => {
        for (const w of waiters) w.fail(error);
      },
    );
  }

  return {
    after: (userId, afterId, limit) => ask((a) => a.after(keyOf(userId, afterId, limit)), { after: { userId, afterId, limit } }),
    unreadCount: (userId) => ask((a) => a.unread(userId), { unread: userId }),
    newFor: (userId, afterId, limit) =>
      ask((a) => ({ notifications: a.after(keyOf(userId, afterId, limit)), unread: a.unread(userId) }), {
        after: { userId, afterId, limit },
        unread: userId,
      }),
    lastId: () => ask((a) => a.lastId),
  };
}
