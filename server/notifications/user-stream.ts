// One user's notification stream. Delivery is an idempotent pull: every wake-up reads `id > lastSentId` from the
// database, so a notification committed at any moment (during the replay, between two wake-ups, in another
// process) is sent exactly once and in id order. Writes are serialized through one queue, and a wake-up that
// arrives while a read is already queued (not yet started) is covered by it and dropped. What one read found
// goes out in one write, the unread count after the notifications.
import { NOTIFICATION_EVENTS, type Notification, type NotificationStreamEvents } from '../contract/notifications.js';
import type { BusTopics } from '../bus/event-bus.js';
import { formatEvent, type SseStream } from '../http/sse.js';
import type { NotificationsService } from './notifications-service.js';

/** Rows per database read while replaying; between pages the stream waits for the client to catch up. */
const PAGE = 100;

// The tabs of one user woken together are handed the same array of rows (see read-batcher.ts): its frames are
// built once, however many streams send them. Keyed by the array, not by each row, so the table stays as small
// as one batch.
const bursts = new WeakMap<readonly Notification[], string>();
function notificationFrames(rows: readonly Notification[]): string {
  if (rows.length === 0) return '';
  let burst = bursts.get(rows);
  if (burst === undefined) {
    burst = '';
    // `id:` only here, so the client's Last-Event-ID is always the newest notification it has.
    for (const n of rows) burst += formatEvent({ event: NOTIFICATION_EVENTS.notification, data: JSON.stringify(n), id: n.id });
    bursts.set(rows, burst);
  }
  return burst;
}
// Counts repeat (every stream of a user sends the same one): their frames are kept, up to a thousand counts.
const unreadFrames = new Map<number, string>();
function unreadFrame(count: number): string {
  let frame = unreadFrames.get(count);
  if (frame === undefined) {
    frame = formatEvent({ event: NOTIFICATION_EVENTS.unread, data: JSON.stringify({ count }) });
    if (unreadFrames.size >= 1000) unreadFrames.clear();
    unreadFrames.set(count, frame);
  }
  return frame;
}

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
  notifications: Pick<NotificationsService, 'newFor' | 'lastId' | 'unreadCount'>;
  onError(error: unknown): void;
}

export function createUserStream(sse: SseStream, userId: number, sessionId: string, deps: UserStreamDeps): UserStream {
  let lastSentId = 0;
  let tail: Promise<void> = Promise.resolve();
  let pullQueued = false;

  function send<E extends keyof NotificationStreamEvents>(event: E, payload: NotificationStreamEvents[E], id?: number): boolean {
    return sse.send({ event: NOTIFICATION_EVENTS[event], data: JSON.stringify(payload), id });
  }

  async function run(task: () => Promise<void>): Promise<void> {
    if (sse.closed) return;
    try {
      await task();
    } catch (error) {
      deps.onError(error);
      sse.close();
    }
  }

  // A broadcast wakes every stream at once: what each wake-up allocates, the garbage collector pays for per stream.
  function enqueue(task: () => Promise<void>): void {
    tail = tail.then(() => run(task));
  }

  async function sendUnread(): Promise<void> {
    sse.sendFormatted(unreadFrame(await deps.notifications.unreadCount(userId)));
  }

  async function pull(): Promise<void> {
    let sent = 0;
    for (;;) {
      // One snapshot for both: the count matches the notifications it follows.
      const { notifications: rows, unread } = await deps.notifications.newFor(userId, lastSentId, PAGE);
      const last = rows.length < PAGE;
      let burst = notificationFrames(rows);
      if (last && sent + rows.length > 0) burst += unreadFrame(unread);
      if (burst && !sse.sendFormatted(burst)) return;
      if (rows.length > 0) lastSentId = rows[rows.length - 1]!.id;
      sent += rows.length;
      if (last) break;
      if (!(await sse.drained())) return;
    }
  }

  function pullWhenWoken(): Promise<void> {
    pullQueued = false;
    return pull();
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
      enqueue(pullWhenWoken);
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
