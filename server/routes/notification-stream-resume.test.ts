// Reliability of resume: a client whose connection drops 50 times while notifications arrive at ~50/s ends with
// every notification exactly once, in order. Drops land anywhere, also in the middle of a frame, which the client
// (like a browser) discards whole and receives again after reconnecting with its Last-Event-ID.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Notification } from '../contract/notifications.js';
import { buildTestApp, listen, registerUser, type TestApp } from '../test/helpers.js';
import { connectSse, type SseClient } from '../test/sse-client.js';

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await buildTestApp();
  base = await listen(t.app);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('delivers every notification exactly once, in order, across 50 disconnects at ~50 notifications/s', async () => {
  const user = await registerUser(t.app);
  // Where the client's list (loaded over REST) ends; every notification after it must arrive over the stream.
  let lastEventId = String(await t.app.notifications.lastId());
  const created: number[] = [];
  let producing = true;
  const producer = (async () => {
    while (producing) {
      const started = performance.now();
      created.push((await t.app.notify([user.user.id], { kind: 'broadcast', title: `#${created.length}`, body: 'x'.repeat(300) })).lastId);
      await sleep(Math.max(0, 20 - (performance.now() - started)));
    }
  })();

  const received: number[] = [];
  const take = (client: SseClient) => received.push(...client.payloads<Notification>('notification').map((n) => n.id));
  for (let drop = 0; drop < 50; drop++) {
    const client = await connectSse(base, '/api/notifications/stream', { cookie: user.cookie, 'last-event-id': lastEventId });
    expect(client.status).toBe(200);
    await sleep(20 + Math.random() * 100);
    client.destroy();
    take(client);
    lastEventId = client.lastEventId || lastEventId;
  }
  producing = false;
  await producer;

  const last = created.at(-1)!;
  const final = await connectSse(base, '/api/notifications/stream', { cookie: user.cookie, 'last-event-id': lastEventId });
  await final.until(() => final.lastEventId === String(last), 5000);
  final.destroy();
  take(final);

  expect(created.length).toBeGreaterThan(150);
  expect(received).toEqual(created);
}, 15_000);
