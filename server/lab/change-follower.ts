// One client's position in the order change feed, for the push transports (SSE, /live). Delivery is an
// idempotent pull: every wake-up reads `seq > lastSent` from the change log, up to the head the orders service
// has published (never a row of a transaction still open), in seq order and in bounded pages. A change committed
// at any moment (during the replay, between wake-ups, by another process) is therefore sent once and in order,
// provided the follower is registered for wake-ups before its first read. Work is serialized through one queue;
// a wake-up that arrives while a read is queued (not yet started) is covered by it and dropped.
import type { OrderChange } from '../contract/orders.js';
import type { OrdersService } from '../orders/orders-service.js';

/** Changes per read; between pages the follower waits until the client can take more. */
export const FOLLOW_PAGE = 200;

export interface ChangeFollowerDeps {
  orders: Pick<OrdersService, 'head' | 'changes'>;
  /** Sends one change; false when it could not be sent (the client is gone or too slow): the pull stops. */
  send(change: OrderChange): boolean;
  /** Resolves true once the client can take another page, false if it went away meanwhile. */
  ready(): Promise<boolean>;
  isClosed(): boolean;
  /** A read failed: the caller ends the connection (the client resumes from its last seq). */
  onError(error: unknown): void;
}

export interface ChangeFollower {
  /**
   * Moves the position to `after` (the head without it; at most the head: a seq from a replaced database would hide
   * every change up to it), calls `positioned` before anything is sent, then sends what follows.
   */
  start(after: number | undefined, positioned: (position: number, head: number) => void): void;
  /** New changes may exist. */
  wake(): void;
}

export function createChangeFollower(deps: ChangeFollowerDeps): ChangeFollower {
  let lastSent: number | undefined;
  let tail: Promise<void> = Promise.resolve();
  let pullQueued = false;

  function enqueue(task: () => Promise<void>): void {
    tail = tail
      .then(() => (deps.isClosed() ? undefined : task()))
      .catch((error: unknown) => deps.onError(error));
  }

  async function pull(): Promise<void> {
    for (;;) {
      if (lastSent === undefined || deps.isClosed()) return;
      const head = deps.orders.head();
      if (head <= lastSent) return;
      const changes = await deps.orders.changes(lastSent, head, FOLLOW_PAGE);
      for (const change of changes) {
        if (!deps.send(change)) return;
        lastSent = change.seq;
      }
      if (changes.length < FOLLOW_PAGE) return;
      if (!(await deps.ready())) return;
    }
  }

  return {
    start(after, positioned) {
      enqueue(async () => {
        const head = deps.orders.head();
        lastSent = after === undefined ? head : Math.min(after, head);
        positioned(lastSent, head);
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
  };
}
