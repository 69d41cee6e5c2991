// One user's notification stream. Delivery is an idempotent pull: every wake-up reads `id > lastSentId` from the
// database, so a notification committed at any moment (during the replay, between two wake-ups, in another
// process) is sent exactly once and in id order. Writes are serialized through one queue, and a wake-up that
// arrives while a read is already queued (not yet started) is covered by it and dropped.
import { NOTIFICATION_EVENTS, type NotificationStreamEvents } from '../contract/notifications.js';
import type { BusTopics } from '../bus/event-bus.js';
import type { SseStream } from '../http/sse.js';
import type { NotificationsService } from './notifications-service.js';

/** Rows per database read while replaying; between pages the stream waits for the client to catch up. */
const PAGE = 100;

export interface UserStream {
  readonly userId: number;
  readonly sessionId: string;
  readonly sse: SseStream;
  /** Sends what was missed after `resumeAfter` (or nothing, without it), then follows live. */
  start(resumeAfter: number | undefined): void;
  /** New notifications may exist for this user. */
  wake(): void;
  read(payload: BusTopics['notifications.read']): void;
  deleted(payload: BusTopics['notifications.deleted']): void;
  /** The session was signed out: say so and end. */
  endSession(): void;
}

export interface UserStreamDeps {
  notifications: Pick<NotificationsService, 'after' | 'lastId' | 'unreadCount'>;
  onError(error: unknown): void;
}

export function createUserStream(sse: SseStream, userId: number, sessionId: string, deps: UserStreamDeps): UserStream {
  let lastSentId = 0;
  let tail: Promise<void> = Promise.resolve();
  let pullQueued = false;

  function send<E extends keyof NotificationStreamEvents>(event: E, payload: NotificationStreamEvents[E], id?: number): boolean {
    return sse.send({ event: NOTIFICATION_EVENTS[event], data: JSON.stringify(payload), id });
  }

  function enqueue(task: () => Promise<void>): void {
    tail = tail
      .then(() => (sse.closed ? undefined : task()))
      .catch((error: unknown) => {
        deps.onError(error);
        sse.close();
      });
  }

  async function sendUnread(): Promise<void> {
    const count = await deps.notifications.unreadCount(userId);
    send('unread', { count });
  }

  async function pull(): Promise<void> {
    let sent = 0;
    for (;;) {
      const rows = await deps.notifications.after(userId, lastSentId, PAGE);
      for (const notification of rows) {
        // `id:` only here, so the client's Last-Event-ID is always the newest notification it has.
        if (!send('notification', notification, notification.id)) return;
        lastSentId = notification.id;
        sent += 1;
      }
      if (rows.length < PAGE) break;
      if (!(await sse.drained())) return;
    }
    if (sent > 0) await sendUnread();
  }

  return {
    userId,
    sessionId,
    sse,
    start(resumeAfter) {
      enqueue(async () => {
        const newest = await deps.notifications.lastId();
        // An id from the future (the database was replaced) would hide every notification up to it.
        lastSentId = resumeAfter === undefined ? newest : Math.min(resumeAfter, newest);
        // The resume point, before any event: a reconnect before the first notification still resumes from here.
        sse.id(lastSentId);
        await sendUnread();
        await pull();
      });
    },
    wake() {
      if (pullQueued) return;
      pullQueued = true;
      enqueue(async () => {
        pullQueued = false;
        await pull();
      });
    },
    read(payload) {
      enqueue(async () => {
        send('read', payload.ids === 'all' ? { all: true, up_to: payload.upTo } : { ids: payload.ids });
        await sendUnread();
      });
    },
    deleted(payload) {
      enqueue(async () => {
        send('deleted', { ids: payload.ids });
        await sendUnread();
      });
    },
    endSession() {
      // Not queued: a long replay must not keep a signed-out stream open.
      send('session', { ended: true });
      sse.close();
    },
  };
}
