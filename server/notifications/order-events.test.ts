import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, LINK_PATTERN } from '../contract/notifications.js';
import type { ChangeKind, Order, OrderChange, OrderStatus } from '../contract/orders.js';
import { collectOrderEvents, createRecentOrders, largeNotification, orderDeliveries, statusNotification } from './order-events.js';

let seq = 0;
function change(kind: ChangeKind, id: number, amount_cents: number, status: OrderStatus = 'pending'): OrderChange {
  seq += 1;
  const order: Order = { id, created_at: 0, updated_at: 0, customer: 'Ada Lovelace', item: 'Widget', amount_cents, status, version: 1 };
  return { seq, kind, order_id: id, at: 0, order };
}

const subscriber = (userId: number, settings: Partial<typeof DEFAULT_NOTIFICATION_SETTINGS>) => ({
  userId,
  settings: { ...DEFAULT_NOTIFICATION_SETTINGS, ...settings },
});

describe('collectOrderEvents', () => {
  it('reports new orders by amount and status moves to cancelled or refunded', () => {
    const recent = createRecentOrders(100);
    const events = collectOrderEvents(
      [
        change('created', 1, 200_000),
        change('created', 2, 500, 'cancelled'),
        change('updated', 1, 200_000, 'paid'),
        change('updated', 1, 200_000, 'refunded'),
        change('updated', 1, 200_000, 'refunded'),
        change('created', 3, 500),
        change('updated', 3, 300_000),
        change('updated', 3, 100, 'cancelled'),
        change('deleted', 3, 100, 'cancelled'),
      ],
      recent,
    );
    expect(events.amounts.map(({ order, before }) => [order.id, before, order.amount_cents])).toEqual([
      [1, 0, 200_000],
      [2, 0, 500],
      [3, 0, 500],
      [3, 500, 300_000],
    ]);
    // Created as cancelled is not a move; the second "refunded" of order 1 repeats its status.
    expect(events.refunded.map((o) => o.id)).toEqual([1]);
    expect(events.cancelled.map((o) => o.id)).toEqual([3]);
    expect(recent.get(3)).toBeUndefined();
  });

  it('does not take a status move of an order it has not seen for a raised amount', () => {
    const events = collectOrderEvents([change('updated', 9, 900_000, 'paid'), change('updated', 8, 900, 'refunded')], createRecentOrders(10));
    expect(events.amounts).toEqual([]);
    expect(events.refunded.map((o) => o.id)).toEqual([8]);
  });

  it('forgets the least recently changed orders past its bound', () => {
    const recent = createRecentOrders(2);
    collectOrderEvents([change('created', 1, 1), change('created', 2, 1), change('updated', 1, 2), change('created', 3, 1)], recent);
    expect([recent.get(1), recent.get(2), recent.get(3)].map(Boolean)).toEqual([true, false, true]);
    expect(recent.size).toBe(2);
  });
});

describe('orderDeliveries', () => {
  const events = collectOrderEvents(
    [change('created', 10, 150_000), change('created', 11, 60_000), change('created', 12, 40_000, 'paid'), change('updated', 12, 40_000, 'refunded')],
    createRecentOrders(100),
  );

  it('notifies only the users who chose a kind, once per kind, judging amounts by each threshold', () => {
    const deliveries = orderDeliveries(events, [
      subscriber(1, { order_large: true }),
      subscriber(2, { order_large: true, order_large_threshold_cents: 50_000, order_refunded: true }),
      subscriber(3, { order_cancelled: true }),
      subscriber(4, { order_large: true, order_large_threshold_cents: 50_000 }),
    ]);
    expect(deliveries.map((d) => [d.to, d.notification.kind, d.notification.title])).toEqual([
      [[2], 'order_refunded', 'Order #12 was refunded'],
      [[1], 'order_large', 'Large order #10: $1,500.00'],
      [[2, 4], 'order_large', '2 large orders'],
    ]);
    expect(orderDeliveries(events, [subscriber(5, { order_cancelled: true })])).toEqual([]);
  });

  it('writes digests that name the first orders and the total, with links into the Data page', () => {
    const orders = [1, 2, 3, 4, 5, 6, 7].map((id) => change('created', id, 10_000).order);
    expect(statusNotification(orders, 'refunded')).toEqual({
      kind: 'order_refunded',
      level: 'warning',
      title: '7 orders were refunded',
      body: 'Orders #1, #2, #3, #4, #5 and 2 more; $700.00 in all.',
      link: '/data?status=refunded',
    });
    expect(largeNotification(orders.slice(0, 2), 5_000).body).toBe('Orders #1, #2 reached $50.00 or more; $200.00 in all.');
    const single = statusNotification([{ ...orders[0]!, customer: 'Zoë  O’Brien & Co/\\ '.repeat(10) }], 'cancelled');
    expect(single.link).toMatch(new RegExp(LINK_PATTERN));
    expect(single.link!.length).toBeLessThanOrEqual(500);
  });
});
