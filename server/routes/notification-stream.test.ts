// The notification stream over real HTTP: headers and framing, resume with Last-Event-ID (no gap, no duplicate
// while notifications are being created), live read state, heartbeats, sign-out, the per-user limit, clean-up
// after clients that leave, and shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../contract/notifications.js';
import { STREAM_EVICTED_RETRY_MS, STREAM_RETRY_MS, STREAMS_PER_USER_MAX } from '../contract/notifications.js';
import { buildTestApp, listen, registerUser, type TestApp } from '../test/helpers.js';
import { connectSse, type SseClient } from '../test/sse-client.js';

let t: TestApp;
let base: string;
const clients: SseClient[] = [];

beforeAll(async () => {
  t = await buildTestApp({ SSE_HEARTBEAT_MS: 100 });
  base = await listen(t.app);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.close();
});

type User = Awaited<ReturnType<typeof registerUser>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(cookie: string | undefined, options: { lastEventId?: string; query?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (cookie) headers.cookie = cookie;
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  const client = await connectSse(base, `/api/notifications/stream${options.query ?? ''}`, headers);
  clients.push(client);
  return client;
}

/** Opened and past its start: the first `unread` event has arrived. */
async function ready(cookie: string, options: Parameters<typeof open>[1] = {}) {
  const client = await open(cookie, options);
  expect(client.status).toBe(200);
  await client.until(() => client.events.some((e) => e.event === 'unread'));
  return client;
}

async function notify(user: User, title = 'Hello'): Promise<number> {
  return (await t.app.notify([user.user.id], { kind: 'broadcast', title })).lastId;
}

const ids = (client: SseClient) => client.payloads<Notification>('notification').map((n) => n.id);

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

describe('opening a stream', () => {
  it('streams uncompressed, unbuffered event-stream with retry: first, then the resume point and the unread count', async () => {
    const user = await registerUser(t.app);
    await notify(user);
    const client = await ready(user.cookie, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['content-encoding']).toBeUndefined();
    expect(client.headers['cache-control']).toBe('no-cache, no-transform');
    expect(client.headers['x-accel-buffering']).toBe('no');
    expect(client.headers.connection).toBe('close');
    expect(client.headers['transfer-encoding']).toBeUndefined();
    expect(client.headers['x-request-id']).toBeTruthy();
    expect(client.headers['x-content-type-options']).toBe('nosniff');
    expect(client.retries[0]).toBe(STREAM_RETRY_MS);
    expect(client.events[0]).toEqual({ event: 'unread', data: '{"count":1}', lastEventId: String(await t.app.notifications.lastId()) });
  });

  it('answers 401 with a problem (not a stream) without a session', async () => {
    const client = await open(undefined);
    expect(client.status).toBe(401);
    expect(client.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(await client.text())).toMatchObject({ code: 'unauthenticated' });
  });

  let user: User | undefined;
  it.each([
    ['header', 'abc'],
    ['header', '-1'],
    ['header', '1.5'],
    ['header', '1e3'],
    ['header', '9999999999999999'],
    ['query', 'abc'],
    ['query', '-1'],
    ['query', ''],
  ])('answers 400 for a Last-Event-ID in the %s of %j', async (where, value) => {
    user ??= await registerUser(t.app);
    const res = await t.app.inject({
      url: `/api/notifications/stream${where === 'query' ? `?last_event_id=${encodeURIComponent(value)}` : ''}`,
      headers: { cookie: user.cookie, ...(where === 'header' && { 'last-event-id': value }) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json().errors[0].field).toBe(where === 'query' ? 'query.last_event_id' : 'header.last-event-id');
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const user = await registerUser(t.app);
    const client = await ready(user.cookie);
    await client.until(() => client.comments.filter((c) => c === 'hb').length >= 3, 2000);
  });

  it('counts open streams and lets go of everything when the client disconnects', async () => {
    const user = await registerUser(t.app);
    const before = t.app.connections.count('sse');
    const client = await ready(user.cookie);
    expect(t.app.connections.count('sse')).toBe(before + 1);
    client.destroy();
    await until(() => t.app.connections.count('sse') === before);
    // The next notification finds no stale stream (it would throw writing to the closed response).
    await notify(user);
  });
});

describe('live events', () => {
  it('pushes notifications with their id, and read state and deletes without one', async () => {
    const user = await registerUser(t.app);
    const client = await ready(user.cookie);
    const a = await notify(user, 'First');
    const b = await notify(user, 'Second');
    await client.until(() => ids(client).length === 2);
    const [first] = client.payloads<Notification>('notification');
    const listed = (await t.app.inject({ url: '/api/notifications', headers: { cookie: user.cookie } })).json().data as Notification[];
    expect(first).toEqual(listed.find((n) => n.id === a));
    expect(client.events.filter((e) => e.event === 'notification').map((e) => e.lastEventId)).toEqual([String(a), String(b)]);
    await client.until(() => client.payloads<{ count: number }>('unread').at(-1)?.count === 2);

    await t.app.inject({ method: 'POST', url: `/api/notifications/${a}/read`, headers: { cookie: user.cookie } });
    await client.until(() => client.events.some((e) => e.event === 'read'));
    await t.app.inject({ method: 'DELETE', url: `/api/notifications/${b}`, headers: { cookie: user.cookie } });
    await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: user.cookie } });
    const c = await notify(user, 'Third');
    await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: user.cookie } });
    await client.until(() => client.payloads('read').length === 2);

    const tail = client.events.filter((e) => e.event !== 'notification' || JSON.parse(e.data).id === c);
    const afterFirstTwo = tail.slice(tail.findIndex((e) => e.event === 'read'));
    expect(afterFirstTwo.map((e) => [e.event, JSON.parse(e.data)])).toEqual([
      ['read', { ids: [a] }],
      ['unread', { count: 1 }],
      ['deleted', { ids: [b] }],
      ['unread', { count: 0 }],
      ['notification', expect.objectContaining({ id: c, title: 'Third' })],
      ['unread', { count: 1 }],
      ['read', { all: true, up_to: c }],
      ['unread', { count: 0 }],
    ]);
    // Only notifications move Last-Event-ID.
    expect(afterFirstTwo.map((e) => e.lastEventId)).toEqual([b, b, b, b, c, c, c, c].map(String));
  });

  it("never shows one user's notifications to another; a broadcast to all reaches both", async () => {
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const aliceStream = await ready(alice.cookie);
    const bobStream = await ready(bob.cookie);
    const mine = await notify(alice, 'For Alice');
    const everyone = (await t.app.notify('all', { kind: 'broadcast', title: 'For all' })).lastId;
    await aliceStream.until(() => ids(aliceStream).length === 2);
    await bobStream.until(() => ids(bobStream).length === 1);
    await sleep(50);
    expect(ids(aliceStream)).toEqual([mine, expect.any(Number)]);
    expect(ids(bobStream)).toHaveLength(1);
    expect(Math.max(...ids(aliceStream), ...ids(bobStream))).toBe(everyone);
    expect(bobStream.payloads<Notification>('notification').some((n) => n.title === 'For Alice')).toBe(false);
  });
});

describe('resuming', () => {
  it('replays after Last-Event-ID, then goes live, without gap or duplicate while notifications keep coming', async () => {
    const user = await registerUser(t.app);
    const created: number[] = [];
    let producing = true;
    const producer = (async () => {
      while (producing) {
        created.push(await notify(user, `n${created.length}`));
        await sleep(3);
      }
    })();
    await until(() => created.length >= 10);

    const from = created[4]!;
    const received: number[] = [];
    // The first connection names its position in the URL; reconnects send the header (which wins over the URL).
    let stream = await open(user.cookie, { query: `?last_event_id=${from}` });
    for (let round = 0; round < 6; round++) {
      await stream.until(() => ids(stream).length >= 3);
      await sleep(15);
      stream.destroy();
      received.push(...ids(stream));
      stream = await open(user.cookie, { query: `?last_event_id=${from}`, lastEventId: stream.lastEventId });
    }
    producing = false;
    await producer;
    const last = created.at(-1)!;
    await stream.until(() => stream.lastEventId === String(last));
    received.push(...ids(stream));
    expect(received).toEqual(created.filter((id) => id > from));
  });

  it('starts at the newest notification without Last-Event-ID, and a reconnect before any event misses nothing', async () => {
    const user = await registerUser(t.app);
    const old = await notify(user, 'Old');
    const first = await ready(user.cookie);
    expect(first.lastEventId).toBe(String(await t.app.notifications.lastId()));
    expect(ids(first)).toEqual([]);
    first.destroy();
    const missed = await notify(user, 'While away');
    const second = await ready(user.cookie, { lastEventId: first.lastEventId });
    await second.until(() => ids(second).length === 1);
    expect(ids(second)).toEqual([missed]);
    expect(ids(second)).not.toContain(old);
  });

  it('treats an id from the future (a replaced database) as the newest, so later notifications are not hidden', async () => {
    const user = await registerUser(t.app);
    const newest = await t.app.notifications.lastId();
    const stream = await ready(user.cookie, { lastEventId: String(newest + 1000) });
    expect(stream.lastEventId).toBe(String(newest));
    const next = await notify(user);
    await stream.until(() => ids(stream).length === 1);
    expect(ids(stream)).toEqual([next]);
  });
});

describe('ending streams', () => {
  it('ends the stream when its session signs out, and the reconnect is refused', async () => {
    const user = await registerUser(t.app);
    const other = await registerUser(t.app);
    const stream = await ready(user.cookie);
    const untouched = await ready(other.cookie);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: user.cookie } });
    await stream.closed();
    expect(stream.payloads('session')).toEqual([{ ended: true }]);
    expect(untouched.ended).toBe(false);
    const again = await open(user.cookie);
    expect(again.status).toBe(401);
  });

  it(`keeps at most ${STREAMS_PER_USER_MAX} streams per user by closing the oldest with a long retry`, async () => {
    const user = await registerUser(t.app);
    const other = await registerUser(t.app);
    const theirs = await ready(other.cookie);
    const streams: SseClient[] = [];
    for (let i = 0; i < STREAMS_PER_USER_MAX; i++) streams.push(await ready(user.cookie));
    const newest = await ready(user.cookie);
    await streams[0]!.closed();
    expect(streams[0]!.retries.at(-1)).toBe(STREAM_EVICTED_RETRY_MS);
    expect(streams.slice(1).every((s) => !s.ended)).toBe(true);
    expect(newest.ended).toBe(false);
    expect(theirs.ended).toBe(false);
    const id = await notify(user);
    for (const s of [...streams.slice(1), newest]) await s.until(() => ids(s).includes(id));
  });

  it('ends every stream on shutdown with a short retry, so browsers reconnect to the next server', async () => {
    const other = await buildTestApp();
    const url = await listen(other.app);
    const user = await registerUser(other.app);
    const streams = await Promise.all([1, 2, 3].map(() => connectSse(url, '/api/notifications/stream', { cookie: user.cookie })));
    await Promise.all(streams.map((s) => s.until(() => s.events.length > 0)));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(3000);
    for (const s of streams) {
      await s.closed();
      expect(s.retries.at(-1)).toBeLessThanOrEqual(2000);
    }
    expect(other.app.connections.count('sse')).toBe(0);
  });
});
