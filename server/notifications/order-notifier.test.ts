// Order events become notifications for opted-in users only, each change at most once, across a restart, and in
// bounded volume when the ticker writes 500 orders a second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, NotificationSettings } from '../contract/notifications.js';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../contract/notifications.js';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';

const INTERVAL_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type User = Awaited<ReturnType<typeof registerUser>>;

async function choose(t: TestApp, user: User, settings: Partial<NotificationSettings>): Promise<void> {
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/notifications/settings',
    headers: { cookie: user.cookie },
    payload: { ...DEFAULT_NOTIFICATION_SETTINGS, ...settings },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const inbox = (t: TestApp, user: User): Promise<Notification[]> => t.app.notifications.list(user.user.id, { limit: 100, unreadOnly: false });

async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('order notifications', () => {
  let t: TestApp;
  let large: User;
  let refunds: User;
  let cancels: User;
  let nobody: User;

  beforeAll(async () => {
    t = await buildTestApp({ ORDER_NOTIFY_INTERVAL_MS: INTERVAL_MS });
    [large, refunds, cancels, nobody] = [await registerUser(t.app), await registerUser(t.app), await registerUser(t.app), await registerUser(t.app)];
    await choose(t, large, { order_large: true, order_large_threshold_cents: 100_000 });
    await choose(t, refunds, { order_refunded: true });
    await choose(t, cancels, { order_cancelled: true, toasts: false });
  });
  afterAll(() => t?.close());

  it('notifies opted-in users of the events they chose, and nobody else', async () => {
    const big = await t.app.orders.create({ customer: 'Grace Hopper', item: 'Standing desk', amount_cents: 150_000 });
    const small = await t.app.orders.create({ customer: 'Alan Turing', item: 'Mouse', amount_cents: 2_999 });
    await t.app.orders.update(small.id, { status: 'paid' });
    await t.app.orders.update(small.id, { status: 'refunded' });
    // A status move of an order already known to be large is not news.
    await t.app.orders.update(big.id, { status: 'paid' });

    await until(async () => (await inbox(t, large)).length === 1 && (await inbox(t, refunds)).length === 1);
    expect((await inbox(t, large))[0]).toMatchObject({
      kind: 'order_large',
      title: `Large order #${big.id}: $1,500.00`,
      body: 'Grace Hopper: Standing desk.',
      link: '/data?q=Grace+Hopper',
      level: 'info',
    });
    expect((await inbox(t, refunds))[0]).toMatchObject({ kind: 'order_refunded', title: `Order #${small.id} was refunded`, level: 'warning' });

    // Once: nothing more arrives over the next intervals.
    await sleep(INTERVAL_MS * 3);
    expect((await inbox(t, large)).length).toBe(1);
    expect((await inbox(t, refunds)).length).toBe(1);
    expect(await inbox(t, cancels)).toEqual([]);
    expect(await inbox(t, nobody)).toEqual([]);
  });

  it('turns a burst into one digest per user and kind', async () => {
    const burst = await Promise.all([1, 2, 3, 4, 5].map((i) => t.app.orders.create({ customer: `Burst ${i}`, item: 'Cable', amount_cents: 1_000 })));
    const before = (await inbox(t, cancels)).length;
    await t.app.orders.writeMany(burst.map((o) => ({ op: 'update', id: o.id, patch: { status: 'cancelled' } })));
    await until(async () => (await inbox(t, cancels)).length > before);
    await sleep(INTERVAL_MS * 2);
    const arrived = (await inbox(t, cancels)).slice(0, (await inbox(t, cancels)).length - before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ kind: 'order_cancelled', title: '5 orders were cancelled', link: '/data?status=cancelled' });
    expect(arrived[0]!.body).toBe(`Orders ${burst.map((o) => `#${o.id}`).join(', ')}; $50.00 in all.`);
  });

  it('reports an amount edited up to the threshold', async () => {
    const order = await t.app.orders.create({ customer: 'Edsger Dijkstra', item: 'Chair', amount_cents: 20_000 });
    await sleep(INTERVAL_MS);
    const before = (await inbox(t, large)).length;
    await t.app.orders.update(order.id, { amount_cents: 120_000 });
    await until(async () => (await inbox(t, large)).length === before + 1);
    expect((await inbox(t, large))[0]).toMatchObject({ title: `Large order #${order.id}: $1,200.00` });
  });
});

describe('order notifications across a restart', () => {
  it('keeps its position: nothing is notified twice, nothing is skipped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
    const first = await buildTestApp({ ORDER_NOTIFY_INTERVAL_MS: INTERVAL_MS }, dataDir);
    const user = await registerUser(first.app);
    await choose(first, user, { order_refunded: true });
    const order = await first.app.orders.create({ customer: 'Ada', item: 'Book', amount_cents: 1_000, status: 'paid' });
    await first.app.orders.update(order.id, { status: 'refunded' });
    await until(async () => (await inbox(first, user)).length === 1);
    // Committed while the server stops: the next start must pick it up.
    const late = await first.app.orders.create({ customer: 'Late', item: 'Book', amount_cents: 1_000, status: 'paid' });
    await first.close();

    const second = await buildTestApp({ ORDER_NOTIFY_INTERVAL_MS: INTERVAL_MS }, dataDir);
    try {
      await second.app.orders.update(late.id, { status: 'refunded' });
      await until(async () => (await inbox(second, user)).length === 2);
      await sleep(INTERVAL_MS * 2);
      const titles = (await inbox(second, user)).map((n) => n.title);
      expect(titles).toEqual([`Order #${late.id} was refunded`, `Order #${order.id} was refunded`]);
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('order notifications under load', () => {
  it('stays bounded with the ticker at 500 writes a second', async () => {
    const t = await buildTestApp({ ORDER_NOTIFY_INTERVAL_MS: 500 });
    try {
      const user = await registerUser(t.app);
      await choose(t, user, { order_large: true, order_large_threshold_cents: 10_000, order_cancelled: true, order_refunded: true });
      const startHead = t.app.orders.head();
      t.app.ticker.setRate(500);
      await sleep(2000);
      t.app.ticker.setRate(0);
      const written = t.app.orders.head() - startHead;
      await until(async () => (await t.app.repos.notifications.sourcePosition('orders')) === t.app.orders.head());
      const notifications = await inbox(t, user);
      expect(written).toBeGreaterThan(400);
      // Three kinds, at most one each per 500 ms: about a dozen in 2.5 s, whatever the write rate.
      expect(notifications.length).toBeGreaterThanOrEqual(3);
      expect(notifications.length).toBeLessThanOrEqual(3 * 7);
    } finally {
      await t.close();
    }
  });
});
