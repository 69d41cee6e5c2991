// The order change stream over real HTTP: headers, the resume point, replay then live, resume with Last-Event-ID
// while orders are being written (no gap, no duplicate), bad ids, sign-in, sign-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_STREAM_RETRY_MS } from '../contract/lab.js';
import type { OrderChange } from '../contract/orders.js';
import { buildTestApp, listen, registerUser, sleep, type TestApp, writeOrder } from '../test/helpers.js';
import { connectSse, type SseClient } from '../test/sse-client.js';

let t: TestApp;
let base: string;
let cookie: string;
const clients: SseClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  base = await listen(t.app);
  cookie = (await registerUser(t.app)).cookie;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.close();
});

const write = (): Promise<number> => writeOrder(t.app);

async function open(path = '/api/orders/stream', headers: Record<string, string> = {}) {
  const client = await connectSse(base, path, { cookie, ...headers });
  clients.push(client);
  return client;
}
const seqs = (client: SseClient) => client.payloads<OrderChange>('change').map((c) => c.seq);

describe('GET /api/orders/stream', () => {
  it('is an uncompressed, unbuffered event stream that starts with retry: and the head as a bare id', async () => {
    await write();
    const head = t.app.orders.head();
    const client = await open('/api/orders/stream', { 'accept-encoding': 'gzip, br' });
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['content-encoding']).toBeUndefined();
    expect(client.headers['cache-control']).toBe('no-cache, no-transform');
    expect(client.headers['x-accel-buffering']).toBe('no');
    await client.until(() => client.lastEventId === String(head));
    expect(client.retries[0]).toBe(ORDER_STREAM_RETRY_MS);
    expect(client.events).toEqual([]);

    const next = await write();
    await client.until(() => client.events.length === 1);
    const [change] = client.payloads<OrderChange>('change');
    expect(change).toMatchObject({ seq: next, kind: 'created' });
    expect(client.lastEventId).toBe(String(next));
    // The same item as the polled feed gives.
    const feed = await t.app.inject({ url: `/api/orders/changes?after=${next - 1}`, headers: { cookie } });
    expect(feed.json<{ data: OrderChange[] }>().data[0]).toEqual(change);
    client.destroy();
  });

  it('replays after Last-Event-ID (or ?after=, or ?last_event_id=) and then follows live', async () => {
    const from = t.app.orders.head();
    for (let i = 0; i < 5; i++) await write();
    for (const [path, headers] of [
      ['/api/orders/stream', { 'last-event-id': String(from) }],
      [`/api/orders/stream?after=${from}`, {}],
      [`/api/orders/stream?last_event_id=${from}`, {}],
    ] as const) {
      const replayTo = t.app.orders.head();
      const client = await open(path, headers);
      await client.until(() => seqs(client).at(-1) === replayTo);
      const live = await write();
      await client.until(() => seqs(client).at(-1) === live);
      expect(seqs(client)).toEqual(Array.from({ length: live - from }, (_, i) => from + 1 + i));
      client.destroy();
    }
  });

  it('treats a seq past the head as the head', async () => {
    const head = t.app.orders.head();
    const client = await open('/api/orders/stream', { 'last-event-id': String(head + 1000) });
    await client.until(() => client.lastEventId === String(head));
    client.destroy();
  });

  it('delivers every committed change exactly once, in order, across 30 reconnects under concurrent writes', async () => {
    let lastEventId = String(t.app.orders.head());
    const first = Number(lastEventId) + 1;
    let producing = true;
    const producer = (async () => {
      while (producing) {
        await write();
        await sleep(2);
      }
    })();
    const received: number[] = [];
    for (let drop = 0; drop < 30; drop++) {
      const client = await open('/api/orders/stream', { 'last-event-id': lastEventId });
      expect(client.status).toBe(200);
      await sleep(10 + Math.random() * 60);
      client.destroy();
      received.push(...seqs(client));
      lastEventId = client.lastEventId || lastEventId;
    }
    // A burst in the middle of it all: one transaction, many changes.
    await t.app.orders.writeMany(Array.from({ length: 500 }, (_, i) => ({ op: 'create', input: { customer: `B${i}`, item: 'Bulk', amount_cents: 1 } })));
    producing = false;
    await producer;
    const last = t.app.orders.head();
    const final = await open('/api/orders/stream', { 'last-event-id': lastEventId });
    await final.until(() => final.lastEventId === String(last), 8000);
    final.destroy();
    received.push(...seqs(final));
    expect(last - first).toBeGreaterThan(600);
    expect(received).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  }, 20_000);

  it('answers a bad Last-Event-ID with a 400 problem, not a stream', async () => {
    for (const [path, headers] of [
      ['/api/orders/stream', { 'last-event-id': 'abc' }],
      ['/api/orders/stream?after=-1', {}],
      ['/api/orders/stream?bogus=1', {}],
    ] as const) {
      const client = await open(path, headers);
      expect(client.status).toBe(400);
      expect(client.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(await client.text())).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('answers 401 without a session', async () => {
    const client = await connectSse(base, '/api/orders/stream');
    clients.push(client);
    expect(client.status).toBe(401);
    expect(JSON.parse(await client.text())).toMatchObject({ code: 'unauthenticated' });
  });

  it('ends the stream with a session event when the session signs out', async () => {
    const other = await registerUser(t.app);
    const client = await connectSse(base, '/api/orders/stream', { cookie: other.cookie });
    clients.push(client);
    await client.until(() => client.lastEventId !== '');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: other.cookie } });
    expect(out.statusCode).toBeLessThan(300);
    await client.closed();
    expect(client.payloads('session')).toEqual([{ ended: true }]);
  });

  it('counts open streams as sse connections', async () => {
    const before = t.app.connections.count('sse');
    const client = await open();
    await client.until(() => client.lastEventId !== '');
    expect(t.app.connections.count('sse')).toBe(before + 1);
    client.destroy();
    await sleep(50);
    expect(t.app.connections.count('sse')).toBe(before);
  });
});
