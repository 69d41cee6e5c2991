// The event bus carries facts between features (and, with Redis, between server processes).
// Callers see only this interface: swapping the in-process bus for Redis changes no feature.
import { EventEmitter } from 'node:events';

/** Every topic and its payload. Payloads must be JSON-serializable: a networked bus will serialize them. */
export interface BusTopics {
  'session.revoked': { sessionId: string; reason: 'signed_out' | 'expired' };
  /** Orders changed: `lastSeq` is the change feed's new head, published after the commit. */
  'orders.changed': { lastSeq: number };
  /**
   * Notifications were stored for these users (or for every user), published after the commit. `lastId` is the
   * newest id written; subscribers read the notifications from the database, never from the event.
   */
  'notifications.created': { userIds: number[] | 'all'; lastId: number };
  /** A user marked notifications read: these ids, or every one up to `upTo`. */
  'notifications.read': { userId: number; ids: number[] } | { userId: number; ids: 'all'; upTo: number };
  'notifications.deleted': { userId: number; ids: number[] };
}

export type BusTopic = keyof BusTopics;
export type BusHandler<T extends BusTopic> = (payload: BusTopics[T]) => void;

export interface EventBus {
  publish<T extends BusTopic>(topic: T, payload: BusTopics[T]): void;
  subscribe<T extends BusTopic>(topic: T, handler: BusHandler<T>): () => void;
  close(): Promise<void>;
}

export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  // Every open stream may subscribe; the default limit of 10 is a leak detector meant for other code.
  emitter.setMaxListeners(0);
  return {
    publish(topic, payload) {
      emitter.emit(topic, payload);
    },
    subscribe(topic, handler) {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
