// The /live namespace with real socket.io-client instances: subscribe replays then follows live, a re-subscribe by
// `after` after a disconnect loses nothing and repeats nothing while orders are written, bad payloads get an error
// ack, and the handshake rules of every namespace apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listen, range, registerUser, sleep, type TestApp, writeOrder } from '../test/helpers.js';
import { liveClient, liveConnected, type LiveClient } from '../test/live-client.js';

let t: TestApp;
let url: string;
let cookie: string;
const open: LiveClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  url = await listen(t.app);
  cookie = (await registerUser(t.app)).cookie;
});
afterAll(async () => {
  for (const c of open) c.socket.close();
  await t.close();
});

const write = (): Promise<number> => writeOrder(t.app);

async function client(options: Parameters<typeof liveClient>[2] = {}): Promise<LiveClient> {
  const c = liveClient(url, cookie, options);
  open.push(c);
  await liveConnected(c);
  return c;
}

describe('/live', () => {
  it('replays the changes after `after`, then follows live, in order', async () => {
    const from = t.app.orders.head();
    for (let i = 0; i < 5; i++) await write();
    const c = await client();
    const ack = await c.subscribe({ after: from });
    expect(ack).toEqual({ ok: true, data: { head: from + 5 } });
    await c.until(() => c.lastSeq === from + 5);
    const live = await write();
    await c.until(() => c.lastSeq === live);
    expect(c.changes.map((x) => x.seq)).toEqual(range(from + 1, live));
    expect(c.changes[0]).toMatchObject({ kind: 'created', order: { item: 'Widget' } });
    c.socket.close();
  });

  it('resumes by `after` after disconnects without gap or duplicate while orders are written', async () => {
    const first = t.app.orders.head() + 1;
    let producing = true;
    const producer = (async () => {
      while (producing) {
        await write();
        await sleep(2);
      }
    })();
    const received: number[] = [];
    let after = first - 1;
    for (let round = 0; round < 15; round++) {
      const c = await client();
      await c.subscribe({ after });
      await sleep(10 + Math.random() * 50);
      c.socket.disconnect();
      received.push(...c.changes.map((x) => x.seq));
      after = c.lastSeq;
    }
    await t.app.orders.writeMany(Array.from({ length: 600 }, (_, i) => ({ op: 'create', input: { customer: `B${i}`, item: 'Bulk', amount_cents: 1 } })));
    producing = false;
    await producer;
    const last = t.app.orders.head();
    const final = await client();
    await final.subscribe({ after });
    await final.until(() => final.lastSeq === last);
    received.push(...final.changes.map((x) => x.seq));
    final.socket.close();
    expect(last - first).toBeGreaterThan(600);
    expect(received).toEqual(range(first, last));
  }, 20_000);

  it('answers a bad payload with an error ack and sends nothing', async () => {
    const c = await client();
    for (const payload of [undefined, {}, { after: -1 }, { after: 'x' }, { after: 1, extra: true }]) {
      const ack = await c.subscribe(payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    const unknown: unknown = await c.socket.timeout(2000).emitWithAck('changes:unsubscribe', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('changes:unsubscribe') } });
    await write();
    await sleep(50);
    expect(c.changes).toEqual([]);
    c.socket.close();
  });

  it('subscribing again moves the position', async () => {
    const from = t.app.orders.head();
    await write();
    await write();
    const c = await client();
    await c.subscribe({ after: from + 1 });
    await c.until(() => c.lastSeq === from + 2);
    await c.subscribe({ after: from });
    await c.until(() => c.changes.length === 3);
    expect(c.changes.map((x) => x.seq)).toEqual([from + 2, from + 1, from + 2]);
    c.socket.close();
  });

  it('refuses a foreign Origin and a missing session, as every namespace does', async () => {
    const foreign = liveClient(url, cookie, { origin: 'https://evil.example' });
    open.push(foreign);
    await expect(liveConnected(foreign)).rejects.toMatchObject({ data: { code: 'foreign_origin' } });
    const anonymous = liveClient(url, '');
    open.push(anonymous);
    await expect(liveConnected(anonymous)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });
});
