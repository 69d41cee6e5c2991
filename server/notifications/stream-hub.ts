// The open notification streams of this process, by user and by session. One bus subscription per topic fans
// events out to the streams concerned, so an event costs work per recipient, not per open stream.
import { STREAM_EVICTED_RETRY_MS } from '../contract/notifications.js';
import type { EventBus } from '../bus/event-bus.js';
import type { NotificationsService } from './notifications-service.js';
import { wakeStreams, type UserStream } from './user-stream.js';

export interface StreamHub {
  /** Registers an open stream; past `maxPerUser`, the user's oldest stream is closed. */
  add(stream: UserStream): void;
  /** Forgets a stream: its owner calls this when it closes (see `UserStreamDeps.onClosed`). Idempotent. */
  remove(stream: UserStream): void;
  count(userId: number): number;
  /** Ends every stream, each told to reconnect after `retryMs()` (called per stream, so it may jitter). */
  closeAll(retryMs: () => number): void;
  close(): void;
}

export function createStreamHub(
  bus: EventBus,
  maxPerUser: number,
  notifications: Pick<NotificationsService, 'newFor'>,
): StreamHub {
  // Sets keep insertion order: the first stream of a user is the oldest.
  const byUser = new Map<number, Set<UserStream>>();
  const bySession = new Map<string, Set<UserStream>>();

  const each = <K>(index: Map<K, Set<UserStream>>, key: K, act: (s: UserStream) => void) => {
    const streams = index.get(key);
    if (streams) for (const s of [...streams]) act(s);
  };

  function unindex<K>(index: Map<K, Set<UserStream>>, key: K, stream: UserStream): void {
    const streams = index.get(key);
    if (!streams) return;
    streams.delete(stream);
    if (streams.size === 0) index.delete(key);
  }
  function remove(stream: UserStream): void {
    unindex(byUser, stream.userId, stream);
    unindex(bySession, stream.sessionId, stream);
  }

  function* everyStream(): Generator<UserStream> {
    for (const streams of byUser.values()) yield* streams;
  }
  function* streamsOf(userIds: readonly number[]): Generator<UserStream> {
    for (const id of userIds) {
      const streams = byUser.get(id);
      if (streams) yield* streams;
    }
  }

  const unsubscribers = [
    bus.subscribe('notifications.created', ({ userIds }) => {
      wakeStreams(userIds === 'all' ? everyStream() : streamsOf(userIds), notifications);
    }),
    bus.subscribe('notifications.read', (payload) => each(byUser, payload.userId, (s) => s.read(payload))),
    bus.subscribe('notifications.deleted', (payload) => each(byUser, payload.userId, (s) => s.deleted(payload))),
    bus.subscribe('session.revoked', ({ sessionId }) => each(bySession, sessionId, (s) => s.endSession())),
  ];

  return {
    add(stream) {
      if (stream.sse.closed) return;
      const mine = byUser.get(stream.userId) ?? new Set();
      byUser.set(stream.userId, mine.add(stream));
      const session = bySession.get(stream.sessionId) ?? new Set();
      bySession.set(stream.sessionId, session.add(stream));
      while (mine.size > maxPerUser) {
        const oldest = mine.values().next().value!;
        remove(oldest);
        oldest.sse.close({ retryMs: STREAM_EVICTED_RETRY_MS });
      }
    },
    remove,
    count: (userId) => byUser.get(userId)?.size ?? 0,
    closeAll(retryMs) {
      for (const streams of [...byUser.values()]) for (const s of [...streams]) s.sse.close({ retryMs: retryMs() });
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
