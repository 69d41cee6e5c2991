// The activity ticker: who may read and set its rate, and that it writes through the orders service (so every
// write is in the change feed) at about the rate it is given.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChangesPage } from '../contract/orders.js';
import { buildTestApp, loginAdmin, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
let user: string;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp({ SEED_ORDERS: 20 });
  user = (await registerUser(t.app)).cookie;
  admin = await loginAdmin(t.app);
});
afterAll(() => t.close());

const setRate = (cookie: string | undefined, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: '/api/ticker', headers: cookie ? { cookie } : {}, payload: payload as object });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ticker', () => {
  it('lets anyone signed in read the rate, which starts at TICK_RATE', async () => {
    expect((await t.app.inject({ url: '/api/ticker' })).statusCode).toBe(401);
    const res = await t.app.inject({ url: '/api/ticker', headers: { cookie: user } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rate: 0 });
  });

  it('lets only an admin set the rate', async () => {
    const signedOut = await setRate(undefined, { rate: 5 });
    expect(signedOut.statusCode).toBe(401);
    const notAdmin = await setRate(user, { rate: 5 });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json()).toMatchObject({ code: 'forbidden' });
    const ok = await setRate(admin, { rate: 0.5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ rate: 0.5 });
    expect((await t.app.inject({ url: '/api/ticker', headers: { cookie: user } })).json()).toEqual({ rate: 0.5 });
    await setRate(admin, { rate: 0 });
  });

  it.each([[{ rate: 501 }], [{ rate: -1 }], [{ rate: 'fast' }], [{}], [{ rate: 1, burst: 2 }]])('refuses %j', async (body) => {
    const res = await setRate(admin, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('writes creates and status updates through the service at about the set rate, and stops at 0', async () => {
    const start = t.app.orders.head();
    expect((await setRate(admin, { rate: 40 })).statusCode).toBe(200);
    await sleep(1000);
    await setRate(admin, { rate: 0 });
    await sleep(100);
    const end = t.app.orders.head();
    // 40 expected; generous bounds for a busy test machine.
    expect(end - start).toBeGreaterThanOrEqual(20);
    expect(end - start).toBeLessThanOrEqual(60);

    const res = await t.app.inject({ url: `/api/orders/changes?after=${start}&limit=1000`, headers: { cookie: user } });
    const page = res.json() as ChangesPage;
    expect(page.data.map((c) => c.seq)).toEqual(Array.from({ length: end - start }, (_, i) => start + 1 + i));
    const kinds = new Set(page.data.map((c) => c.kind));
    expect(kinds.has('created')).toBe(true);
    expect(kinds.has('deleted')).toBe(false);
    for (const change of page.data.filter((c) => c.kind === 'updated')) {
      expect(['paid', 'shipped', 'cancelled', 'refunded']).toContain(change.order.status);
    }

    await sleep(300);
    expect(t.app.orders.head()).toBe(end);
  });

  it('stops with the app', async () => {
    const other = await buildTestApp({ TICK_RATE: 200 });
    await other.app.ready();
    await sleep(200);
    expect(other.app.orders.head()).toBeGreaterThan(0);
    await other.close();
    const ticks = vi.spyOn(other.app.repos.orders, 'newest');
    await sleep(200);
    expect(ticks).not.toHaveBeenCalled();
  });
});
