// The one write path for notifications. `notify` is what features call: it stores first (one transaction for
// every recipient), then publishes `notifications.created` with only the recipients and the newest id, so
// subscribers (event streams, here or in another process behind a networked bus) read the content from the
// database and never trust an in-memory copy. Read-state changes and deletes publish after their commit too.
// The reads every woken stream makes (`after`, `unreadCount`, `lastId`) are batched (see read-batcher.ts), and
// `notify` calls made together share one commit (see group-commit.ts).
import {
  BODY_MAX_LENGTH,
  LINK_MAX_LENGTH,
  LINK_PATTERN,
  TITLE_MAX_LENGTH,
  type Notification,
  type NotificationKind,
  type NotificationLevel,
  type NotificationSettings,
} from '../contract/notifications.js';
import type { EventBus } from '../bus/event-bus.js';
import type { NotificationContent, NotificationsRepository, NotificationsWriter } from './notifications-repository.js';
import { createGroupCommit, type Prepared } from './group-commit.js';
import { createReadBatcher, type NewForStream } from './read-batcher.js';

/** User ids, or every user that exists when the notification is stored. */
export type Recipients = readonly number[] | 'all';

export interface NotificationInput {
  kind: NotificationKind;
  /** Trimmed; cut to 120 characters. */
  title: string;
  /** Cut to 2000 characters. */
  body?: string;
  level?: NotificationLevel;
  /** An in-app route starting with a single `/`; anything else is refused (a programming error, not user input). */
  link?: string | null;
}

export interface Delivery {
  to: Recipients;
  notification: NotificationInput;
}

export interface Delivered {
  /** Notifications stored (one per recipient that exists). */
  recipients: number;
  /** The newest of this call's notifications (others stored in the same commit may be newer). */
  lastId: number;
}

export type Notify = (to: Recipients, notification: NotificationInput) => Promise<Delivered>;

export interface NotificationsService {
  notify: Notify;
  /**
   * Several deliveries in one transaction. `within` runs first inside it (a source moving its position along with
   * the notifications it derived); when it returns false nothing is stored and the result is null.
   */
  deliver(deliveries: Delivery[], within?: (writer: NotificationsWriter) => Promise<boolean>): Promise<Delivered | null>;
  lastId(): Promise<number>;
  list(userId: number, options: { limit: number; before?: number; unreadOnly: boolean }): Promise<Notification[]>;
  /** Oldest first. The array may be shared with other callers that asked the same: do not change it. */
  after(userId: number, afterId: number, limit: number): Promise<readonly Notification[]>;
  unreadCount(userId: number): Promise<number>;
  /** `after` and `unreadCount` from one snapshot: what a woken stream sends. */
  newFor(userId: number, afterId: number, limit: number): Promise<NewForStream>;
  /** False when the user has no such notification. */
  markRead(userId: number, id: number): Promise<boolean>;
  markAllRead(userId: number): Promise<number>;
  /** False when the user has no such notification. */
  remove(userId: number, id: number): Promise<boolean>;
  settings(userId: number): Promise<NotificationSettings>;
  saveSettings(userId: number, settings: NotificationSettings): Promise<NotificationSettings>;
}

const linkPattern = new RegExp(LINK_PATTERN);

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function toContent(input: NotificationInput): NotificationContent {
  const title = cut(input.title.trim(), TITLE_MAX_LENGTH);
  if (!title) throw new Error('A notification needs a title');
  const link = input.link ?? null;
  if (link !== null && (link.length > LINK_MAX_LENGTH || !linkPattern.test(link))) {
    throw new Error(`A notification link must be an in-app route starting with a single "/": ${JSON.stringify(link)}`);
  }
  return { kind: input.kind, title, body: cut(input.body ?? '', BODY_MAX_LENGTH), level: input.level ?? 'info', link };
}

/** Validated before any transaction: a bad link from one caller never half-writes a batch. */
function prepare(deliveries: Delivery[]): Prepared[] {
  return deliveries
    .map((d) => ({ to: d.to === 'all' ? ('all' as const) : [...new Set(d.to)], content: toContent(d.notification) }))
    .filter((d) => d.to === 'all' || d.to.length > 0);
}

function mergeRecipients(deliveries: Delivery[]): number[] | 'all' {
  if (deliveries.some((d) => d.to === 'all')) return 'all';
  const ids = new Set<number>();
  for (const d of deliveries) for (const id of d.to as readonly number[]) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

export function createNotificationsService(repo: NotificationsRepository, bus: EventBus, now = Date.now): NotificationsService {
  const reads = createReadBatcher(repo);
  const store = createGroupCommit(repo, now);

  async function deliver(deliveries: Delivery[], within?: (writer: NotificationsWriter) => Promise<boolean>): Promise<Delivered | null> {
    const prepared = prepare(deliveries);
    const outcome = await repo.transaction(async (w) => {
      if (within && !(await within(w))) return null;
      const at = now();
      let recipients = 0;
      for (const d of prepared) recipients += await w.insertFor(d.to, d.content, at);
      return { recipients, lastId: recipients > 0 ? await w.lastId() : 0 };
    });
    if (outcome && outcome.recipients > 0) {
      bus.publish('notifications.created', { userIds: mergeRecipients(deliveries), lastId: outcome.lastId });
    }
    return outcome;
  }

  return {
    async notify(to, notification) {
      const deliveries = [{ to, notification }];
      const prepared = prepare(deliveries);
      if (prepared.length === 0) return { recipients: 0, lastId: 0 };
      const stored = await store(prepared);
      if (stored.recipients > 0) bus.publish('notifications.created', { userIds: mergeRecipients(deliveries), lastId: stored.lastId });
      return stored;
    },
    deliver,
    lastId: () => reads.lastId(),
    list: (userId, options) => repo.list(userId, options),
    after: (userId, afterId, limit) => reads.after(userId, afterId, limit),
    unreadCount: (userId) => reads.unreadCount(userId),
    newFor: (userId, afterId, limit) => reads.newFor(userId, afterId, limit),
    async markRead(userId, id) {
      const outcome = await repo.markRead(userId, id, now());
      if (outcome === 'marked') bus.publish('notifications.read', { userId, ids: [id] });
      return outcome !== 'missing';
    },
    async markAllRead(userId) {
      const { count, upTo } = await repo.markAllRead(userId, now());
      if (count > 0) bus.publish('notifications.read', { userId, ids: 'all', upTo });
      return count;
    },
    async remove(userId, id) {
      const removed = await repo.remove(userId, id, now());
      if (removed) bus.publish('notifications.deleted', { userId, ids: [id] });
      return removed;
    },
    settings: (userId) => repo.settings(userId),
    async saveSettings(userId, settings) {
      await repo.saveSettings(userId, settings, now());
      return settings;
    },
  };
}
