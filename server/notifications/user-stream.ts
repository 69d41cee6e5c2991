// One user's notification stream. Delivery is an idempotent pull: every wake-up reads `id > lastSentId` from the
// database, so a notification committed at any moment (during the replay, between two wake-ups, in another
// process) is sent exactly once and in id order. Writes are serialized through one queue, and a wake-up that
// arrives while a read is already queued (not yet started) is covered by it and dropped. What one read found
// goes out in one write, the unread count after the notifications. A broadcast wakes streams together
// (`wakeStreams`): the idle ones are answered by one read per user and position instead of a pull each.
import { NOTIFICATION_EVENTS, type Notification, type NotificationStreamEvents } from '../contract/notifications.js';
import type { BusTopics } from '../bus/event-bus.js';
import { formatEvent, type SseCloseReason, type SseStream } from '../http/sse.js';
import type { NotificationsService } from './notifications-service.js';
import type { NewForStream } from './read-batcher.js';

/** Rows per database read while replaying; between pages the stream waits for the client to catch up. */
const PAGE = 100;

// A broadcast is one row read for many users: the read batcher hands them the same object (see
// notifications-repository.ts), so its frame is built once. And the tabs of one user woken together are handed the
// same array of rows: their burst is joined once. Both keyed weakly, so the tables are only as big as what is in use.
const frames = new WeakMap<Notification, string>();
function frameOf(n: Notification): string {
  let frame = frames.get(n);
  if (frame === undefined) {
    // `id:` only here, so the client's Last-Event-ID is always the newest notification it has.
    frame = formatEvent({ event: NOTIFICATION_EVENTS.notification, data: JSON.stringify(n), id: n.id });
    frames.set(n, frame);
  }
  return frame;
}
const bursts = new WeakMap<readonly Notification[], string>();
function notificationFrames(rows: readonly Notification[]): string {
  if (rows.length === 0) return '';
  if (rows.length === 1) return frameOf(rows[0]!);
  let burst = bursts.get(rows);
  if (burst === undefined) {
    burst = '';
    for (const n of rows) burst += frameOf(n);
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

/** Whose stream it is, and the request that opened it (for the logs). */
export interface StreamOwner {
  readonly userId: number;
  readonly sessionId: string;
  readonly requestId: string;
}

export interface UserStream extends StreamOwner {
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

/** Shared by every stream of a route: the callbacks get the stream, so no stream needs closures of its own. */
export interface UserStreamDeps {
  notifications: Pick<NotificationsService, 'newFor' | 'lastId' | 'unreadCount'>;
  /** A read failed; the stream closes after this (the client resumes with Last-Event-ID). */
  onError(error: unknown, stream: UserStream): void;
  /** The stream closed, once, whatever closed it (also when it was closed before it was made). */
  onClosed(stream: UserStream, reason: SseCloseReason): void;
}

/** What one pull found for a position, framed once for every stream at that position. */
function framesOf(found: NewForStream, sentBefore: number): string {
  let burst = notificationFrames(found.notifications);
  if (found.notifications.length < PAGE && sentBefore + found.notifications.length > 0) burst += unreadFrame(found.unread);
  return burst;
}

/**
 * A class, so its methods live once on the prototype: a server holds thousands of these, and a closure per
 * method per stream was most of what each one cost beyond its socket.
 */
class NotificationStream implements UserStream {
  private lastSentId = 0;
  private tail: Promise<void> = Promise.resolve();
  /** Tasks queued or running, a claim by `wakeStreams` included: 0 means the stream is idle. */
  private queued = 0;
  private pullQueued = false;

  readonly userId: number;
  readonly sessionId: string;
  readonly requestId: string;

  constructor(
    readonly sse: SseStream,
    owner: StreamOwner,
    private readonly deps: UserStreamDeps,
  ) {
    this.userId = owner.userId;
    this.sessionId = owner.sessionId;
    this.requestId = owner.requestId;
    sse.onClose((reason) => deps.onClosed(this, reason));
  }

  private send<E extends keyof NotificationStreamEvents>(event: E, payload: NotificationStreamEvents[E], id?: number): boolean {
    return this.sse.send({ event: NOTIFICATION_EVENTS[event], data: JSON.stringify(payload), id });
  }

  private fail(error: unknown): void {
    this.deps.onError(error, this);
    this.sse.close();
  }

  /** Tasks are called on the stream, so a method can be queued as it is, without a closure per stream. */
  private async run(task: (this: NotificationStream) => Promise<void>): Promise<void> {
    try {
      if (!this.sse.closed) await task.call(this);
    } catch (error) {
      this.fail(error);
    } finally {
      this.queued -= 1;
    }
  }

  private enqueue(task: (this: NotificationStream) => Promise<void>): void {
    this.queued += 1;
    this.tail = this.tail.then(() => this.run(task));
  }

  private async sendUnread(): Promise<void> {
    this.sse.sendFormatted(unreadFrame(await this.deps.notifications.unreadCount(this.userId)));
  }

  /** `sent`: notifications this pull's caller already sent (the unread count follows the last of them). */
  private async pull(sent = 0): Promise<void> {
    for (;;) {
      // One snapshot for both: the count matches the notifications it follows.
      const found = await this.deps.notifications.newFor(this.userId, this.lastSentId, PAGE);
      if (!this.sent(found, framesOf(found, sent))) return;
      sent += found.notifications.length;
      if (found.notifications.length < PAGE) break;
      if (!(await this.sse.drained())) return;
    }
  }

  /** Writes what a pull found; false when the stream is gone. */
  private sent(found: NewForStream, frames: string): boolean {
    if (frames && !this.sse.sendFormatted(frames)) return false;
    const rows = found.notifications;
    if (rows.length > 0) this.lastSentId = rows[rows.length - 1]!.id;
    return true;
  }

  private pullWhenWoken(): Promise<void> {
    this.pullQueued = false;
    return this.pull();
  }

  start(resumeAfter: number | undefined): void {
    this.enqueue(async () => {
      const newest = await this.deps.notifications.lastId();
      // An id from the future (the database was replaced) would hide every notification up to it.
      this.lastSentId = resumeAfter === undefined ? newest : Math.min(resumeAfter, newest);
      // The resume point, before any event: a reconnect before the first notification still resumes from here.
      this.sse.id(this.lastSentId);
      await this.sendUnread();
      await this.pull();
    });
  }

  wake(): void {
    if (this.pullQueued) return;
    this.pullQueued = true;
    this.enqueue(this.pullWhenWoken);
  }

  read(payload: BusTopics['notifications.read']): void {
    this.enqueue(async () => {
      this.send('read', payload.ids === 'all' ? { all: true, up_to: payload.upTo } : { ids: payload.ids });
      await this.sendUnread();
    });
  }

  deleted(payload: BusTopics['notifications.deleted']): void {
    this.enqueue(async () => {
      this.send('deleted', { ids: payload.ids });
      await this.sendUnread();
    });
  }

  endSession(): void {
    // Not queued: a long replay must not keep a signed-out stream open.
    this.send('session', { ended: true });
    this.sse.close();
  }

  /**
   * For `wakeStreams`: when the stream is idle, its position, and its queue held until `until` settles (it must
   * not reject); undefined when it is busy or closed.
   */
  claim(until: Promise<void>): number | undefined {
    if (this.queued > 0 || this.sse.closed) return undefined;
    this.queued += 1;
    this.tail = until;
    return this.lastSentId;
  }

  /** For `wakeStreams`: sends what the claimed stream's pull found; a full page is followed by the next ones. */
  answerClaim(found: NewForStream | { error: unknown }, frames: string): void {
    this.queued -= 1;
    if (this.sse.closed) return;
    if ('error' in found) return this.fail(found.error);
    if (!this.sent(found, frames) || found.notifications.length < PAGE) return;
    // A backlog: the rest page by page once the client has read this one, as an ordinary pull would, unless a
    // wake-up queued meanwhile has already sent on from here (with the count after it).
    const from = this.lastSentId;
    this.enqueue(async () => {
      if (this.lastSentId === from && (await this.sse.drained())) await this.pull(PAGE);
    });
  }
}

/** Claimed streams of one user at one position: one read answers them all. */
interface ClaimGroup {
  userId: number;
  position: number;
  streams: NotificationStream[];
}

export function createUserStream(sse: SseStream, owner: StreamOwner, deps: UserStreamDeps): UserStream {
  return new NotificationStream(sse, owner, deps);
}

/**
 * Wakes many streams with one read per position instead of a queued pull each: a broadcast wakes every stream at
 * once, and what each wake-up allocated (a promise chain, a question to the read batcher) the garbage collector
 * paid for per stream. The streams idle now are claimed, grouped by user and position (a user's tabs usually
 * share one), asked once and answered with frames built once; a busy stream (replaying, sending a read event)
 * gets an ordinary wake-up queued behind what it is doing.
 */
export function wakeStreams(streams: Iterable<UserStream>, notifications: Pick<NotificationsService, 'newFor'>): void {
  let release!: () => void;
  const claimed = new Promise<void>((resolve) => (release = resolve));
  const groups: ClaimGroup[] = [];
  // The hub hands a user's streams one after another, so grouping looks only among the current user's groups (a
  // user has a few tabs): no key to build per stream. A user seen again later only makes one more read.
  let userGroups: ClaimGroup[] = [];
  for (const stream of streams) {
    const position = stream instanceof NotificationStream ? stream.claim(claimed) : undefined;
    if (position === undefined) {
      stream.wake();
      continue;
    }
    if (userGroups[0]?.userId !== stream.userId) userGroups = [];
    let group = userGroups.find((g) => g.position === position);
    if (!group) {
      group = { userId: stream.userId, position, streams: [] };
      userGroups.push(group);
      groups.push(group);
    }
    group.streams.push(stream as NotificationStream);
  }
  if (groups.length === 0) return release();
  const answers = groups.map(({ userId, position, streams: members }) =>
    notifications.newFor(userId, position, PAGE).then(
      (found) => {
        const frames = framesOf(found, 0);
        for (const stream of members) stream.answerClaim(found, frames);
      },
      (error: unknown) => {
        for (const stream of members) stream.answerClaim({ error }, '');
      },
    ),
  );
  void Promise.all(answers).then(release);
}
