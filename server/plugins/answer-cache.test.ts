// Reused list answers through the real orders route: a hit is byte for byte the answer a miss gives, is never
// given without a session, follows the request's encoding, and is never given once an order has changed.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../contract/orders.js';
import { seededRandom } from '../orders/sample-data.js';
import { seedOrders } from '../orders/seed.js';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ cookie } = await registerUser(t.app));
  await seedOrders(t.app.database, { count: 120, random: seededRandom(11) });
});
afterAll(() => t.close());

const LIST = '/api/orders?limit=50&sort=id&order=desc';
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });
const cacheResult = (res: { headers: Record<string, unknown> }) => (String(res.headers['server-timing']).includes('cache;desc="hit"') ? 'hit' : 'miss');
const idsOf = (res: { json(): unknown }) => (res.json() as { data: Order[] }).data.map((o) => o.id);

describe('answer reuse on GET /api/orders', () => {
  it('answers the same question twice with the same bytes and headers, the second time without reading it again', async () => {
    const first = await get(`${LIST}&q=a`);
    const second = await get(`${LIST}&q=a`);
    expect([cacheResult(first), cacheResult(second)]).toEqual(['miss', 'hit']);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    for (const name of ['etag', 'link', 'cache-control', 'content-type']) expect(second.headers[name]).toBe(first.headers[name]);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(second.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps one answer per encoding asked for, compressed once', async () => {
    const plain = await get(LIST);
    await get(LIST, { 'accept-encoding': 'gzip' });
    const gzipped = await get(LIST, { 'accept-encoding': 'gzip' });
    const plainAgain = await get(LIST);
    expect(cacheResult(gzipped)).toBe('hit');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect([...gzipped.rawPayload.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    expect(cacheResult(plainAgain)).toBe('hit');
    expect(plainAgain.headers['content-encoding']).toBeUndefined();
    expect(plainAgain.body).toBe(plain.body);
  });

  it('never reuses an answer once an order was created, changed or deleted', async () => {
    await get(LIST);
    const created = (await t.app.inject({ method: 'POST', url: '/api/orders', headers: { cookie }, payload: { customer: 'Zed', item: 'Lamp', amount_cents: 4200 } })).json() as Order;
    const afterCreate = await get(LIST);
    expect(cacheResult(afterCreate)).toBe('miss');
    expect(idsOf(afterCreate)[0]).toBe(created.id);

    await get(LIST);
    await t.app.inject({ method: 'PATCH', url: `/api/orders/${created.id}`, headers: { cookie }, payload: { status: 'shipped' } });
    const afterPatch = await get(LIST);
    expect(cacheResult(afterPatch)).toBe('miss');
    expect((afterPatch.json() as { data: Order[] }).data[0]).toMatchObject({ id: created.id, status: 'shipped', version: 2 });

    await get(LIST);
    await t.app.inject({ method: 'DELETE', url: `/api/orders/${created.id}`, headers: { cookie } });
    const afterDelete = await get(LIST);
    expect(cacheResult(afterDelete)).toBe('miss');
    expect(idsOf(afterDelete)).not.toContain(created.id);
  });

  it('checks the session before reusing anything, and shares answers between users', async () => {
    await get(LIST);
    const anonymous = await t.app.inject({ method: 'GET', url: LIST });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain('"data"');
    const other = await registerUser(t.app);
    const theirs = await t.app.inject({ method: 'GET', url: LIST, headers: { cookie: other.cookie } });
    expect(cacheResult(theirs)).toBe('hit');
  });

  it('answers a conditional request for a reused answer with 304', async () => {
    const { headers } = await get(LIST);
    const conditional = await get(LIST, { 'if-none-match': String(headers.etag) });
    expect(conditional.statusCode).toBe(304);
    expect(conditional.body).toBe('');
    expect(cacheResult(await get(LIST))).toBe('hit');
  });

  it('stores no refused request', async () => {
    const before = t.app.answerCache.size;
    for (let i = 0; i < 2; i++) expect((await get('/api/orders?limit=500')).statusCode).toBe(400);
    expect(t.app.answerCache.size).toBe(before);
  });

  it('counts hits and misses in the metrics', async () => {
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/switchboard_answer_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(metrics).toMatch(/switchboard_answer_cache_lookups_total\{result="miss"\} [1-9]/);
  });
});

describe('with ANSWER_CACHE_MB=0', () => {
  it('reads every answer afresh', async () => {
    const off = await buildTestApp({ ANSWER_CACHE_MB: 0 });
    try {
      const user = await registerUser(off.app);
      const results = [];
      for (let i = 0; i < 3; i++) results.push(cacheResult(await off.app.inject({ method: 'GET', url: LIST, headers: { cookie: user.cookie } })));
      expect(results).toEqual(['miss', 'miss', 'miss']);
    } finally {
      await off.close();
    }
  });
});
