// The change feed: gapless seq order, paging with has_more, the 304 path that never reaches the database, long
// polls that answer early, time out, clean up after clients that leave and are answered when the app closes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { ChangesPage, Order } from '../contract/orders.js';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ cookie } = await registerUser(t.app));
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { cookie, ...headers } });

async function create(customer = 'Feed Tester'): Promise<Order> {
  const res = await t.app.inject({ method: 'POST', url: '/api/orders', headers: { cookie }, payload: { customer, item: 'Widget', amount_cents: 4200 } });
  return res.json();
}

async function feed(query: string): Promise<ChangesPage> {
  const res = await get(`/api/orders/changes?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('change feed', () => {
  it('needs a session', async () => {
    expect((await t.app.inject({ url: '/api/orders/changes?after=0' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/orders/changes/head' })).statusCode).toBe(401);
  });

  it('lists creates, updates and deletes in seq order without gaps, each with the order', async () => {
    const start = (await get('/api/orders/changes/head')).json().head_seq as number;
    const before = Date.now();
    const a = await create('Ada');
    const b = await create('Bea');
    await t.app.inject({ method: 'PATCH', url: `/api/orders/${a.id}`, headers: { cookie }, payload: { status: 'paid' } });
    await t.app.inject({ method: 'DELETE', url: `/api/orders/${b.id}`, headers: { cookie } });

    const page = await feed(`after=${start}`);
    expect(page.data.map((c) => c.seq)).toEqual([start + 1, start + 2, start + 3, start + 4]);
    expect(page.data.map((c) => [c.kind, c.order_id])).toEqual([
      ['created', a.id],
      ['created', b.id],
      ['updated', a.id],
      ['deleted', b.id],
    ]);
    expect(page.data[2]!.order).toMatchObject({ id: a.id, status: 'paid', version: 2 });
    expect(page.data[3]!.order).toEqual(b);
    for (const change of page.data) expect(change.at).toBeGreaterThanOrEqual(before);
    expect(page.meta).toEqual({ last_seq: start + 4, has_more: false, head_seq: start + 4 });
    expect((await get('/api/orders/changes/head')).json()).toEqual({ head_seq: start + 4 });
  });

  it('pages with limit and has_more; an empty page keeps last_seq at after', async () => {
    for (let i = 0; i < 5; i++) await create();
    const head = t.app.orders.head();
    const from = head - 5;
    const seqs: number[] = [];
    let after = from;
    let pages = 0;
    for (;;) {
      const page = await feed(`after=${after}&limit=2`);
      pages += 1;
      seqs.push(...page.data.map((c) => c.seq));
      expect(page.meta.head_seq).toBe(head);
      after = page.meta.last_seq;
      if (!page.meta.has_more) break;
    }
    expect(pages).toBe(3);
    expect(seqs).toEqual([1, 2, 3, 4, 5].map((n) => from + n));
    expect(await feed(`after=${head}`)).toEqual({ data: [], meta: { last_seq: head, has_more: false, head_seq: head } });
    // A feed from a database that was replaced: answered at once, and head_seq says where to restart.
    expect((await feed(`after=${head + 100}&wait=5`)).meta).toEqual({ last_seq: head + 100, has_more: false, head_seq: head });
  });

  it('answers a conditional request for a feed that has not moved with 304, without the database', async () => {
    await create();
    const first = await get('/api/orders/changes?after=0&limit=10');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"feed-\d+-0-10"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const reads = vi.spyOn(t.app.repos.orders, 'changes');
    try {
      const again = await get('/api/orders/changes?after=0&limit=10', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      // A Content-Length on a 304 makes some HTTP clients wait for a body that never comes.
      expect(again.headers['content-length']).toBeUndefined();
      const atHead = await get(`/api/orders/changes?after=${t.app.orders.head()}`);
      expect(atHead.json().data).toEqual([]);
      expect(reads).not.toHaveBeenCalled();

      await create();
      const moved = await get('/api/orders/changes?after=0&limit=10', { 'if-none-match': etag });
      expect(moved.statusCode).toBe(200);
      expect(moved.headers.etag).not.toBe(etag);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('long poll: answers as soon as a change commits, with the change', async () => {
    const after = t.app.orders.head();
    const started = Date.now();
    const pending = get(`/api/orders/changes?after=${after}&wait=10`);
    await sleep(50);
    expect(t.app.connections.count('long_poll')).toBe(1);
    await sleep(150);
    const order = await create('Wake Up');
    const res = await pending;
    const elapsed = Date.now() - started;
    expect(res.statusCode).toBe(200);
    const page = res.json() as ChangesPage;
    expect(page.data.map((c) => [c.seq, c.kind, c.order_id])).toEqual([[after + 1, 'created', order.id]]);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(5000);
    expect(t.app.connections.count('long_poll')).toBe(0);
  });

  it('long poll: answers empty at the timeout, and 304 when the client already has that', async () => {
    const after = t.app.orders.head();
    const started = Date.now();
    const res = await get(`/api/orders/changes?after=${after}&wait=1`);
    const elapsed = Date.now() - started;
    expect(res.json()).toEqual({ data: [], meta: { last_seq: after, has_more: false, head_seq: after } });
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
    const conditional = await get(`/api/orders/changes?after=${after}&wait=1`, { 'if-none-match': res.headers.etag as string });
    expect(conditional.statusCode).toBe(304);
    expect(t.app.connections.count('long_poll')).toBe(0);
  });

  it('long poll: lets go of a client that disconnects', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const req = httpRequest({
      host: '127.0.0.1',
      port: address.port,
      path: `/api/orders/changes?after=${t.app.orders.head()}&wait=30`,
      headers: { cookie },
    });
    req.on('error', () => {});
    req.end();
    for (let i = 0; i < 50 && t.app.connections.count('long_poll') === 0; i++) await sleep(20);
    expect(t.app.connections.count('long_poll')).toBe(1);
    req.destroy();
    for (let i = 0; i < 50 && t.app.connections.count('long_poll') > 0; i++) await sleep(20);
    expect(t.app.connections.count('long_poll')).toBe(0);
    // The next change finds no stale subscriber (it would throw writing to the closed request).
    await create();
  });

  it.each([
    ['', 'query.after'],
    ['after=-1', 'query.after'],
    ['after=latest', 'query.after'],
    ['after=0&wait=999', 'query.wait'],
    ['after=0&wait=-1', 'query.wait'],
    ['after=0&limit=0', 'query.limit'],
    ['after=0&limit=1001', 'query.limit'],
    ['after=0&since=3', 'query.since'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const res = await get(`/api/orders/changes?${query}`);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });
});

describe('change feed: seeding, rate limit and shutdown', () => {
  it('starts after the seed, is not throttled by the global limit, and answers held polls on close', async () => {
    const other = await buildTestApp({ SEED_ORDERS: 25, RATE_LIMIT_PER_MINUTE: 5 });
    try {
      const user = await registerUser(other.app);
      const headers = { cookie: user.cookie };
      const list = await other.app.inject({ url: '/api/orders?page_size=1', headers });
      expect(list.json().meta.total).toBe(25);
      for (let i = 0; i < 10; i++) {
        const res = await other.app.inject({ url: '/api/orders/changes?after=0', headers });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ data: [], meta: { last_seq: 0, has_more: false, head_seq: 0 } });
      }

      const started = Date.now();
      const held = other.app.inject({ url: '/api/orders/changes?after=0&wait=30', headers });
      await sleep(100);
      expect(other.app.connections.count('long_poll')).toBe(1);
      await other.close();
      const res = await held;
      expect(res.statusCode).toBe(200);
      expect(res.json().data).toEqual([]);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await other.close().catch(() => {});
    }
  });
});
