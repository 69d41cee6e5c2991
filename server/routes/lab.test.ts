// The lab over HTTP: the server clock, the statistics (shape and counters that move with traffic on every
// transport), and the faults: admin only; drop cuts every stream and long poll, and clients that resume lose
// nothing; burst writes `count` consecutive changes; stall answers, then holds the event loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { LabStats } from '../contract/lab.js';
import type { ChangesPage, OrderChange } from '../contract/orders.js';
import { buildTestApp, listen, loginAdmin, range, registerUser, sleep, type TestApp, writeOrder } from '../test/helpers.js';
import { liveClient, liveConnected, type LiveClient } from '../test/live-client.js';
import { connectSse, type SseClient } from '../test/sse-client.js';

let t: TestApp;
let base: string;
let cookie: string;
let admin: string;
const sse: SseClient[] = [];
const live: LiveClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  base = await listen(t.app);
  cookie = (await registerUser(t.app)).cookie;
  admin = await loginAdmin(t.app);
});
afterAll(async () => {
  for (const c of sse) c.destroy();
  for (const c of live) c.socket.close();
  await t.close();
});

const write = (): Promise<number> => writeOrder(t.app);
async function stats(): Promise<LabStats> {
  const res = await t.app.inject({ url: '/api/lab/stats', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  const body = res.json<LabStats>();
  expect(Value.Check(LabStats, body)).toBe(true);
  return body;
}
const post = (path: string, who: string, payload?: object) =>
  t.app.inject({ method: 'POST', url: `/api/lab/faults/${path}`, headers: { cookie: who }, ...(payload ? { payload } : {}) });

describe('GET /api/time', () => {
  it('gives the server clock, uncached, without a session', async () => {
    const before = Date.now();
    const res = await t.app.inject({ url: '/api/time' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { now } = res.json<{ now: number }>();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('GET /api/lab/stats', () => {
  it('needs a session', async () => {
    expect((await t.app.inject({ url: '/api/lab/stats' })).statusCode).toBe(401);
  });

  it('has the contract shape and counts requests and deliveries per transport', async () => {
    const before = await stats();
    const from = t.app.orders.head();
    await write();
    await write();
    const poll = await t.app.inject({ url: `/api/orders/changes?after=${from}`, headers: { cookie } });
    expect(poll.json<ChangesPage>().data).toHaveLength(2);
    const longPoll = await t.app.inject({ url: `/api/orders/changes?after=${from}&wait=1`, headers: { cookie } });
    expect(longPoll.json<ChangesPage>().data).toHaveLength(2);

    const stream = await connectSse(base, `/api/orders/stream?after=${from}`, { cookie });
    sse.push(stream);
    const socket = liveClient(base, cookie);
    live.push(socket);
    await liveConnected(socket);
    await socket.subscribe({ after: from });
    await stream.until(() => stream.events.length === 2);
    await socket.until(() => socket.changes.length === 2);

    const after = await stats();
    expect(after.feed_requests.poll.total - before.feed_requests.poll.total).toBe(1);
    expect(after.feed_requests.long_poll.total - before.feed_requests.long_poll.total).toBe(1);
    for (const transport of ['poll', 'long_poll', 'sse', 'websocket'] as const) {
      expect(after.events_delivered.total[transport] - before.events_delivered.total[transport]).toBe(2);
    }
    expect(after.connections.sse).toBe(before.connections.sse + 1);
    expect(after.connections.websocket).toBe(before.connections.websocket + 1);
    expect(after.head_seq).toBe(from + 2);
    expect(after.ticker.rate).toBe(0);

    // Rates cover whole seconds before the current one: one second on, the traffic above shows.
    await sleep(1100);
    const later = await stats();
    expect(later.feed_requests.poll.per_s).toBeGreaterThan(0);
    expect(later.events_delivered.per_s.sse).toBeGreaterThan(0);
    expect(later.process.sample_interval_ms).toBeGreaterThan(0);
    expect(later.process.cpu_percent).toBeGreaterThanOrEqual(0);
    stream.destroy();
    socket.socket.close();
  });

  it('is also on /metrics for Prometheus', async () => {
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.body).toContain('switchboard_feed_requests_total{mode="poll"}');
    expect(res.body).toContain('switchboard_feed_events_delivered_total{transport="sse"}');
  });
});

describe('faults', () => {
  it('are for admins only', async () => {
    for (const [path, payload] of [['drop', undefined], ['stall', { ms: 1 }], ['burst', { count: 1 }]] as const) {
      expect((await post(path, cookie, payload)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: `/api/lab/faults/${path}`, payload })).statusCode).toBe(401);
    }
  });

  it('burst writes exactly `count` changes with consecutive seqs (1000 by default)', async () => {
    const head = t.app.orders.head();
    const res = await post('burst', admin, { count: 250 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ first_seq: head + 1, last_seq: head + 250 });
    const feed = await t.app.inject({ url: `/api/orders/changes?after=${head}&limit=1000`, headers: { cookie } });
    expect(feed.json<ChangesPage>().data.map((c) => c.seq)).toEqual(range(head + 1, head + 250));

    const byDefault = await post('burst', admin, {});
    expect(byDefault.json()).toEqual({ first_seq: head + 251, last_seq: head + 1250 });
    expect((await post('burst', admin, { count: 5001 })).statusCode).toBe(400);
  });

  it('stall answers first, then holds the event loop for about `ms`', async () => {
    let worstGap = 0;
    let lastTick = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - lastTick);
      lastTick = now;
    }, 5);
    const res = await fetch(`${base}/api/lab/faults/stall`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 300 }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stalledMs: 300 });
    await sleep(100);
    clearInterval(timer);
    expect(worstGap).toBeGreaterThanOrEqual(290);
    expect((await post('stall', admin, { ms: 5001 })).statusCode).toBe(400);
    expect((await post('stall', admin, { ms: 0 })).statusCode).toBe(400);
  });

  it('drop cuts every SSE stream, long poll and /live socket, and clients that resume lose nothing', async () => {
    const from = t.app.orders.head();
    const stream = await connectSse(base, `/api/orders/stream?after=${from}`, { cookie });
    sse.push(stream);
    const socket = liveClient(base, cookie, { reconnection: true, resubscribe: true });
    live.push(socket);
    await liveConnected(socket);
    await socket.subscribe({ after: from });
    await stream.until(() => stream.lastEventId === String(from));
    const held = fetch(`${base}/api/orders/changes?after=${from}&wait=30`, { headers: { cookie } }).then(
      (res) => res.status,
      (err: unknown) => err,
    );
    const deadline = Date.now() + 2000;
    while (t.app.connections.count('long_poll') === 0 && Date.now() < deadline) await sleep(10);

    const res = await post('drop', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sse: 1, long_polls: 1, sockets: 1 });
    await stream.closed();
    expect(await held).toBeInstanceOf(Error);

    // Writes go on while the clients come back: the SSE client with its Last-Event-ID, the socket by `after`.
    await t.app.orders.writeMany(Array.from({ length: 300 }, (_, i) => ({ op: 'create', input: { customer: `D${i}`, item: 'Drop', amount_cents: 1 } })));
    const last = t.app.orders.head();
    const resumed = await connectSse(base, '/api/orders/stream', { cookie, 'last-event-id': stream.lastEventId });
    sse.push(resumed);
    await resumed.until(() => resumed.lastEventId === String(last));
    await socket.until(() => socket.lastSeq === last);
    const streamed = [...stream.payloads<OrderChange>('change'), ...resumed.payloads<OrderChange>('change')].map((c) => c.seq);
    expect(streamed).toEqual(range(from + 1, last));
    expect(socket.changes.map((c) => c.seq)).toEqual(range(from + 1, last));
    resumed.destroy();
    socket.socket.close();
  });
});
