// Notifications asked for in the same turn of the event loop are stored in one transaction. Every commit waits
// for the disk (`synchronous = FULL`) and better-sqlite3 waits with the whole process, so 200 broadcasts a second
// stored one by one are 200 disk flushes in a row: more than a shared disk gives, with nothing else running
// meanwhile. Stored together, they share one flush. Each caller still gets its own result and publishes its own
// event after the commit; a failed commit fails every caller in it, as it would have failed each alone.
import type { NotificationContent, NotificationsRepository } from './notifications-repository.js';

export interface Prepared {
  to: readonly number[] | 'all';
  content: NotificationContent;
}

export interface Stored {
  /** Notifications stored (one per recipient that exists). */
  recipients: number;
  /** The newest notification id once this caller's rows were written, or 0 when it wrote none. */
  lastId: number;
}

interface Member {
  items: readonly Prepared[];
  resolve(stored: Stored): void;
  reject(error: unknown): void;
}

export function createGroupCommit(repo: Pick<NotificationsRepository, 'transaction'>, now: () => number) {
  let waiting: Member[] = [];

  async function commit(): Promise<void> {
    const group = waiting;
    waiting = [];
    try {
      const stored = await repo.transaction(async (w) => {
        const at = now();
        const out: Stored[] = [];
        for (const member of group) {
          let recipients = 0;
          for (const item of member.items) recipients += await w.insertFor(item.to, item.content, at);
          out.push({ recipients, lastId: recipients > 0 ? await w.lastId() : 0 });
        }
        return out;
      });
      group.forEach((member, i) => member.resolve(stored[i]!));
    } catch (error) {
      for (const member of group) member.reject(error);
    }
  }

  return function store(items: readonly Prepared[]): Promise<Stored> {
    return new Promise((resolve, reject) => {
      // Not a microtask: by the check phase, every request read in this poll phase has had its turn to join.
      if (waiting.length === 0) setImmediate(() => void commit());
      waiting.push({ items, resolve, reject });
    });
  };
}
