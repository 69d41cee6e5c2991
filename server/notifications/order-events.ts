// Which order changes are worth a notification, and the notifications they make. A change log entry holds the
// order after the change only, so "reached the threshold" and "became cancelled" are judged against the last
// state seen of that order (kept for recently changed orders, warmed from the log at start).
import type { Order, OrderChange, OrderStatus } from '../contract/orders.js';
import type { OrderSubscriber } from './notifications-repository.js';
import type { Delivery, NotificationInput } from './notifications-service.js';

export interface OrderState {
  amount_cents: number;
  status: OrderStatus;
}

/** The last state seen of recently changed orders; the least recently changed are forgotten first. */
export interface RecentOrders {
  get(id: number): OrderState | undefined;
  set(id: number, state: OrderState): void;
  delete(id: number): void;
  readonly size: number;
}

export function createRecentOrders(max: number): RecentOrders {
  const states = new Map<number, OrderState>();
  return {
    get: (id) => states.get(id),
    set(id, state) {
      // Re-inserting moves the order to the end: a Map iterates in insertion order.
      states.delete(id);
      states.set(id, state);
      if (states.size > max) states.delete(states.keys().next().value!);
    },
    delete: (id) => void states.delete(id),
    get size() {
      return states.size;
    },
  };
}

export interface OrderEvents {
  /** Orders created, or updated up from a known amount: each user's threshold decides. `before` is 0 for a new order. */
  amounts: { order: Order; before: number }[];
  cancelled: Order[];
  refunded: Order[];
}

/** Remembers every change in `recent`, so call it once per change, in seq order. */
export function collectOrderEvents(changes: readonly OrderChange[], recent: RecentOrders): OrderEvents {
  const events: OrderEvents = { amounts: [], cancelled: [], refunded: [] };
  for (const change of changes) {
    const order = change.order;
    if (change.kind === 'deleted') {
      recent.delete(change.order_id);
      continue;
    }
    const before = recent.get(change.order_id);
    recent.set(change.order_id, { amount_cents: order.amount_cents, status: order.status });
    if (change.kind === 'created') {
      events.amounts.push({ order, before: 0 });
      continue;
    }
    // An order whose earlier state is unknown: a raised amount cannot be told from a status move of an order that
    // was always large (the ticker's usual update), so it is not reported; a cancelled or refunded status is,
    // since the ticker moves only open orders and a repeated status is rare.
    if (before && order.amount_cents > before.amount_cents) events.amounts.push({ order, before: before.amount_cents });
    if ((order.status === 'cancelled' || order.status === 'refunded') && before?.status !== order.status) {
      events[order.status].push(order);
    }
  }
  return events;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const formatCents = (cents: number) => money.format(cents / 100);
const SHOWN_IDS = 5;
/** The Data page searches by prefix, so a cut name still finds the order and keeps the link short. */
const SEARCH_CHARS = 40;

function dataLink(params: Record<string, string>): string {
  return `/data?${new URLSearchParams(params).toString()}`;
}

function orderLink(order: Order): string {
  return dataLink({ q: [...order.customer].slice(0, SEARCH_CHARS).join('') });
}

function idList(orders: readonly Order[]): string {
  const shown = orders.slice(0, SHOWN_IDS).map((o) => `#${o.id}`);
  const rest = orders.length - shown.length;
  return `Orders ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

const total = (orders: readonly Order[]) => formatCents(orders.reduce((sum, o) => sum + o.amount_cents, 0));

export function statusNotification(orders: readonly Order[], status: 'cancelled' | 'refunded'): NotificationInput {
  const kind = status === 'cancelled' ? 'order_cancelled' : 'order_refunded';
  const [only] = orders;
  if (orders.length === 1 && only) {
    return {
      kind,
      level: 'warning',
      title: `Order #${only.id} was ${status}`,
      body: `${only.customer}: ${only.item}, ${formatCents(only.amount_cents)}.`,
      link: orderLink(only),
    };
  }
  return {
    kind,
    level: 'warning',
    title: `${orders.length} orders were ${status}`,
    body: `${idList(orders)}; ${total(orders)} in all.`,
    link: dataLink({ status }),
  };
}

export function largeNotification(orders: readonly Order[], thresholdCents: number): NotificationInput {
  const [only] = orders;
  if (orders.length === 1 && only) {
    return {
      kind: 'order_large',
      level: 'info',
      title: `Large order #${only.id}: ${formatCents(only.amount_cents)}`,
      body: `${only.customer}: ${only.item}.`,
      link: orderLink(only),
    };
  }
  return {
    kind: 'order_large',
    level: 'info',
    title: `${orders.length} large orders`,
    body: `${idList(orders)} reached ${formatCents(thresholdCents)} or more; ${total(orders)} in all.`,
    link: dataLink({ sort: 'amount', order: 'desc' }),
  };
}

/** One notification per kind for each subscriber who chose it: a single order, or a digest of several. */
export function orderDeliveries(events: OrderEvents, subscribers: readonly OrderSubscriber[]): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const status of ['cancelled', 'refunded'] as const) {
    const orders = events[status];
    const to = subscribers.filter((s) => (status === 'cancelled' ? s.settings.order_cancelled : s.settings.order_refunded));
    if (orders.length && to.length) deliveries.push({ to: to.map((s) => s.userId), notification: statusNotification(orders, status) });
  }
  if (events.amounts.length) {
    // Users with the same threshold get the same notification: one delivery each.
    const byThreshold = new Map<number, number[]>();
    for (const s of subscribers) {
      if (!s.settings.order_large) continue;
      const threshold = s.settings.order_large_threshold_cents;
      const users = byThreshold.get(threshold);
      if (users) users.push(s.userId);
      else byThreshold.set(threshold, [s.userId]);
    }
    for (const [threshold, to] of byThreshold) {
      const seen = new Set<number>();
      const orders = events.amounts
        .filter(({ order, before }) => before < threshold && order.amount_cents >= threshold)
        .map(({ order }) => order)
        .filter((order) => !seen.has(order.id) && seen.add(order.id));
      if (orders.length) deliveries.push({ to, notification: largeNotification(orders, threshold) });
    }
  }
  return deliveries;
}
