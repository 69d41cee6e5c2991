// Turns the orders change feed into notifications for the users who chose them. Woken by `orders.changed`, it
// reads the changes after its position and stores the notifications together with its new position in one
// transaction: each change notifies at most once, and a restart (or a crash) neither repeats nor loses one.
// Volume is bounded by time, not by the ticker's rate: runs are at least `intervalMs` apart once one has notified
// anybody, so a user gets at most one notification per kind per interval, a digest when several events fell in it.
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../bus/event-bus.js';
import type { OrderChange } from '../contract/orders.js';
import type { OrdersService } from '../orders/orders-service.js';
import type { NotificationsRepository } from './notifications-repository.js';
import type { NotificationsService } from './notifications-service.js';
import { collectOrderEvents, createRecentOrders, orderDeliveries } from './order-events.js';

export const ORDERS_SOURCE = 'orders';
const PAGE = 1000;
/** A run after a long downtime catches up over several runs instead of holding everything in memory at once. */
const MAX_CHANGES_PER_RUN = 20_000;
const REMEMBERED_ORDERS = 100_000;
/** Changes read at start to learn the state of recently changed orders. */
const WARM_UP_CHANGES = 20_000;
/** Runs that notified nobody still advance the position; this keeps them to one a second at most. */
const MIN_GAP_MS = 1000;

export interface OrderNotifierDeps {
  orders: Pick<OrdersService, 'head' | 'changes'>;
  repo: Pick<NotificationsRepository, 'orderSubscribers' | 'sourcePosition' | 'initSource'>;
  notifications: Pick<NotificationsService, 'deliver'>;
  bus: EventBus;
  log: FastifyBaseLogger;
}

export interface OrderNotifier {
  /** Takes up the stored position (the current head on the very first start) and follows the feed. */
  start(): Promise<void>;
  /** Stops for good and waits for a run in flight; what is left is taken up by the next start. */
  stop(): Promise<void>;
  /** The last seq turned into notifications. */
  position(): number;
}

export function createOrderNotifier(deps: OrderNotifierDeps, opts: { intervalMs: number }): OrderNotifier {
  const minGapMs = Math.min(opts.intervalMs, MIN_GAP_MS);
  const recent = createRecentOrders(REMEMBERED_ORDERS);
  let position = 0;
  let lastRunAt = -Infinity;
  let lastNotifiedAt = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let unsubscribe = () => {};

  async function readAfter(from: number, head: number): Promise<OrderChange[]> {
    const changes: OrderChange[] = [];
    let after = from;
    while (after < head && changes.length < MAX_CHANGES_PER_RUN) {
      const page = await deps.orders.changes(after, head, PAGE);
      if (!page.length) break;
      changes.push(...page);
      after = page.at(-1)!.seq;
    }
    return changes;
  }

  async function runOnce(): Promise<void> {
    const from = position;
    const changes = await readAfter(from, deps.orders.head());
    const to = changes.at(-1)?.seq;
    if (to === undefined) return;
    const deliveries = orderDeliveries(collectOrderEvents(changes, recent), await deps.repo.orderSubscribers());
    const delivered = await deps.notifications.deliver(deliveries, (w) => w.moveSource(ORDERS_SOURCE, from, to, Date.now()));
    if (!delivered) {
      // Another process sharing the database got there first and notified for these changes: follow it.
      position = (await deps.repo.sourcePosition(ORDERS_SOURCE)) ?? to;
      return;
    }
    position = to;
    if (delivered.recipients > 0) lastNotifiedAt = performance.now();
  }

  function schedule(): void {
    if (stopped || timer || running || deps.orders.head() <= position) return;
    const due = Math.max(lastRunAt + minGapMs, lastNotifiedAt + opts.intervalMs);
    timer = setTimeout(run, Math.max(0, due - performance.now()));
    timer.unref();
  }

  function run(): void {
    timer = undefined;
    running = runOnce()
      .catch((err: unknown) => deps.log.warn({ err }, 'order notifications failed; retrying'))
      .finally(() => {
        running = undefined;
        lastRunAt = performance.now();
        schedule();
      });
  }

  return {
    async start() {
      await deps.repo.initSource(ORDERS_SOURCE, deps.orders.head(), Date.now());
      position = (await deps.repo.sourcePosition(ORDERS_SOURCE)) ?? deps.orders.head();
      const warmFrom = Math.max(0, position - WARM_UP_CHANGES);
      collectOrderEvents(await deps.orders.changes(warmFrom, position, WARM_UP_CHANGES), recent);
      unsubscribe = deps.bus.subscribe('orders.changed', schedule);
      schedule();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
    position: () => position,
  };
}
