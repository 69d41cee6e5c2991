// The /chat namespace with real socket.io-client instances against a listening server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Message } from '../contract/chat.js';
import { buildTestApp, listen, loginAdmin, registerUser, type TestApp } from '../test/helpers.js';
import { call, chatClient, collect, connected, next, ok, pause, type ChatClient } from '../test/chat-client.js';

let t: TestApp;
let url: string;
const open: ChatClient[] = [];

beforeAll(async () => {
  t = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 });
  url = await listen(t.app);
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

async function user() {
  return registerUser(t.app);
}

async function client(cookie: string, options: Parameters<typeof chatClient>[2] = {}): Promise<ChatClient> {
  const socket = chatClient(url, cookie, options);
  open.push(socket);
  await connected(socket);
  return socket;
}

let roomCounter = 0;
async function newRoom(cookie: string): Promise<number> {
  roomCounter += 1;
  const res = await t.app.inject({ method: 'POST', url: '/api/rooms', headers: { cookie }, payload: { name: `room-${process.pid}-${roomCounter}` } });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: number }).id;
}

const send = (socket: ChatClient, roomId: number, text: string, clientId: string = randomUUID()) =>
  ok(socket, 'message:send', { roomId, clientId, text });

describe('chat: delivery', () => {
  it('stores and broadcasts a message exactly once however often its clientId is resent', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const [a1, a2, b] = await Promise.all([client(alice.cookie), client(alice.cookie), client(bob.cookie)]);
    for (const s of [a1, a2, b]) await ok(s, 'room:join', { roomId });
    const seenByBob = collect(b, 'message:new');
    const seenByOtherTab = collect(a2, 'message:new');

    const clientId = randomUUID();
    const acks: Message[] = await Promise.all([send(a1, roomId, 'hello', clientId), send(a1, roomId, 'hello', clientId)]);
    acks.push(await send(a1, roomId, 'hello again?', clientId));
    expect(new Set(acks.map((m) => m.id)).size).toBe(1);
    expect(acks[2]).toMatchObject({ text: 'hello', seq: 1, client_id: clientId, author: { id: alice.user.id } });

    await pause(200);
    expect(seenByBob.map((m) => m.id)).toEqual([acks[0]!.id]);
    expect(seenByOtherTab.map((m) => m.id)).toEqual([acks[0]!.id]);
    const page = await t.app.inject({ url: `/api/rooms/${roomId}/messages`, headers: { cookie: bob.cookie } });
    expect((page.json() as { data: Message[] }).data).toHaveLength(1);
  });

  it('replays every message after `after` in seq order, and the newest page without it', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const a = await client(alice.cookie);
    await ok(a, 'room:join', { roomId });
    const sent: Message[] = [];
    for (const text of ['one', '  two  ', 'three']) sent.push(await send(a, roomId, text));
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(sent[1]!.text).toBe('two');

    const b = await client(bob.cookie);
    const replay = await ok(b, 'room:join', { roomId, after: 1 });
    expect(replay.messages.map((m) => m.text)).toEqual(['two', 'three']);
    expect(replay).toMatchObject({ has_more: false, room: { id: roomId, kind: 'public', last_seq: 3 } });
    const fresh = await ok(b, 'room:join', { roomId });
    expect(fresh.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await ok(b, 'room:join', { roomId, after: 3 })).messages).toEqual([]);
  });

  it('loses and doubles nothing across a server restart: clients re-join with `after`', async () => {
    const dir = t.dataDir + '-restart';
    const first = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 }, dir);
    const base = await listen(first.app);
    const port = Number(new URL(base).port);
    const alice = await registerUser(first.app);
    const bob = await registerUser(first.app);
    const created = await first.app.inject({ method: 'POST', url: '/api/rooms', headers: { cookie: alice.cookie }, payload: { name: 'restart' } });
    const roomId = (created.json() as { id: number }).id;

    const received = new Map<string, Message[]>();
    const lastSeq = new Map<string, number>();
    function resilient(name: string, cookie: string): ChatClient {
      const socket = chatClient(base, cookie, { reconnection: true });
      open.push(socket);
      received.set(name, []);
      lastSeq.set(name, 0);
      const take = (m: Message) => {
        if (m.seq <= lastSeq.get(name)!) return; // already have it (live and replay may overlap)
        received.get(name)!.push(m);
        lastSeq.set(name, m.seq);
      };
      socket.on('message:new', take);
      // Every (re)connect is a re-sync from the last seq seen.
      socket.on('connect', () => {
        void call(socket, 'room:join', { roomId, after: lastSeq.get(name) }).then((ack) => {
          if (ack.ok) ack.data.messages.forEach(take);
        });
      });
      return socket;
    }
    const a = resilient('alice', alice.cookie);
    const b = resilient('bob', bob.cookie);
    await Promise.all([connected(a), connected(b)]);
    await pause(100);

    const m1 = await send(a, roomId, 'before the restart');
    await next(b, 'message:new', (m) => m.id === m1.id);
    b.disconnect(); // bob is offline for what follows
    const m2 = await send(a, roomId, 'while bob is away');

    await first.close();
    const second = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 }, dir);
    try {
      await second.app.listen({ port, host: '127.0.0.1' });
      await new Promise<void>((resolve) => (a.connected ? resolve() : a.once('connect', () => resolve())));
      await pause(100);
      // A resend after the restart (the ack may have been lost with the old server) is still the same message.
      expect((await send(a, roomId, 'while bob is away', m2.client_id)).id).toBe(m2.id);
      const m3 = await send(a, roomId, 'after the restart');
      expect(m3.seq).toBe(3);

      b.connect();
      await connected(b);
      for (let i = 0; i < 50 && lastSeq.get('bob')! < 3; i += 1) await pause(50);
      expect(received.get('bob')!.map((m) => m.seq)).toEqual([1, 2, 3]);
      expect(received.get('alice')!.map((m) => m.seq)).toEqual([1, 2, 3]);
    } finally {
      a.close();
      b.close();
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('chat: limits and malformed input', () => {
  it('refuses an 11th message within 5 s, storing nothing, while resends still answer', async () => {
    const carol = await user();
    const roomId = await newRoom(carol.cookie);
    const c = await client(carol.cookie);
    await ok(c, 'room:join', { roomId });
    const sent: Message[] = [];
    for (let i = 0; i < 10; i += 1) sent.push(await send(c, roomId, `message ${i}`));
    const refused = await call(c, 'message:send', { roomId, clientId: randomUUID(), text: 'one too many' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await call(c, 'message:send', { roomId, clientId: sent[0]!.client_id, text: 'message 0' })).toMatchObject({
      ok: true,
      data: { id: sent[0]!.id },
    });
    const page = await t.app.inject({ url: `/api/rooms/${roomId}/messages`, headers: { cookie: carol.cookie } });
    expect((page.json() as { data: Message[] }).data).toHaveLength(10);
  });

  it('refuses text over 4000 characters or blank; an oversized frame drops only its own socket', async () => {
    const dave = await user();
    const erin = await user();
    const roomId = await newRoom(dave.cookie);
    const [d, e] = await Promise.all([client(dave.cookie), client(erin.cookie)]);
    await ok(d, 'room:join', { roomId });
    await ok(e, 'room:join', { roomId });
    expect(await call(d, 'message:send', { roomId, clientId: randomUUID(), text: 'x'.repeat(4001) })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await call(d, 'message:send', { roomId, clientId: randomUUID(), text: '   ' })).toMatchObject({ ok: false });
    expect((await send(d, roomId, 'y'.repeat(4000))).text).toHaveLength(4000);

    const gone = new Promise((resolve) => d.once('disconnect', resolve));
    d.emit('message:send', { roomId, clientId: randomUUID(), text: 'z'.repeat(70 * 1024) });
    await gone;
    expect(e.connected).toBe(true);
    expect((await send(e, roomId, 'still here')).seq).toBe(2);
  });

  it('answers malformed payloads with validation_failed and survives a missing ack', async () => {
    const frank = await user();
    const roomId = await newRoom(frank.cookie);
    const f = await client(frank.cookie);
    await ok(f, 'room:join', { roomId });
    for (const payload of [
      {},
      null,
      'text',
      { roomId: 'x', clientId: 'a', text: 'hi' },
      { roomId, clientId: 'a', text: 42 },
      { roomId, clientId: 'has spaces', text: 'hi' },
      { roomId, clientId: 'a'.repeat(65), text: 'hi' },
      { roomId, clientId: 'a', text: 'hi', extra: true },
    ]) {
      expect(await call(f, 'message:send', payload)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(await call(f, 'room:join', { roomId: -1 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await call(f, 'room:join', { roomId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // No ack callback, no payload at all, an event nobody handles: nothing breaks.
    f.emit('message:send', { roomId, clientId: randomUUID(), text: 'no ack' });
    f.emit('message:send');
    f.emit('room:read', { roomId });
    f.emit('no:such-event', { x: 1 });
    await pause(100);
    expect(f.connected).toBe(true);
    expect((await send(f, roomId, 'after the junk')).seq).toBe(2);
  });

  it('refuses to write to a room the socket has not joined', async () => {
    const gina = await user();
    const roomId = await newRoom(gina.cookie);
    const g = await client(gina.cookie);
    expect(await call(g, 'message:send', { roomId, clientId: randomUUID(), text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('chat: access', () => {
  it('hides a direct room from everybody but its two members', async () => {
    const alice = await user();
    const bob = await user();
    const mallory = await user();
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/rooms/direct',
      headers: { cookie: alice.cookie },
      payload: { username: bob.username },
    });
    const roomId = (opened.json() as { id: number }).id;
    const [a, b, m] = await Promise.all([client(alice.cookie), client(bob.cookie), client(mallory.cookie)]);
    await ok(a, 'room:join', { roomId });
    const joined = await ok(b, 'room:join', { roomId });
    expect(joined.room).toMatchObject({ kind: 'direct', peer: { id: alice.user.id } });
    const sent = await send(a, roomId, 'just us');

    expect(await call(m, 'room:join', { roomId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(m, 'message:send', { roomId, clientId: randomUUID(), text: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(m, 'room:read', { roomId, seq: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(m, 'message:delete', { messageId: sent.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses /chat from a foreign Origin', async () => {
    const { cookie } = await user();
    const socket = chatClient(url, cookie, { origin: 'https://evil.example' });
    open.push(socket);
    const error = await new Promise<Error & { data?: { code?: string } }>((resolve) => socket.once('connect_error', resolve));
    expect(error.data?.code).toBe('foreign_origin');
  });

  it('lets the author edit and delete, an admin delete, and nobody else either', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const admin = await client(await loginAdmin(t.app));
    const [a, b] = await Promise.all([client(alice.cookie), client(bob.cookie)]);
    for (const s of [a, b, admin]) await ok(s, 'room:join', { roomId });
    const first = await send(a, roomId, 'frist');
    const second = await send(a, roomId, 'second');

    const updated = next(b, 'message:updated');
    expect(await ok(a, 'message:edit', { messageId: first.id, text: 'first' })).toMatchObject({ text: 'first', seq: 1 });
    expect(await updated).toMatchObject({ id: first.id, text: 'first' });
    expect((await updated).edited_at).not.toBeNull();
    expect(await call(b, 'message:edit', { messageId: first.id, text: 'mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(b, 'message:delete', { messageId: first.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const deleted = next(b, 'message:deleted');
    expect(await ok(admin, 'message:delete', { messageId: second.id })).toMatchObject({ text: '', seq: 2 });
    expect((await deleted).deleted_at).not.toBeNull();
    expect(await call(a, 'message:edit', { messageId: second.id, text: 'back' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const replay = await ok(b, 'room:join', { roomId, after: 0 });
    expect(replay.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'first'],
      [2, ''],
    ]);
  });
});

describe('chat: typing, presence, read markers, mentions', () => {
  it('sends typing to the others in the room only, throttled', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const [a1, a2, b] = await Promise.all([client(alice.cookie), client(alice.cookie), client(bob.cookie)]);
    for (const s of [a1, a2, b]) await ok(s, 'room:join', { roomId });
    const byAlice = [...collect(a1, 'typing'), ...collect(a2, 'typing')];
    const toBob = next(b, 'typing');
    expect(await ok(a1, 'typing', { roomId, typing: true })).toEqual({ sent: true });
    expect(await toBob).toEqual({ roomId, userId: alice.user.id, username: alice.username, typing: true });
    expect(await ok(a1, 'typing', { roomId, typing: true })).toEqual({ sent: false });
    expect(await ok(a1, 'typing', { roomId, typing: false })).toEqual({ sent: true });
    await pause(100);
    expect(byAlice).toEqual([]);
  });

  it('counts two tabs of one user once and reports them offline only after the grace period', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const b = await client(bob.cookie);
    await ok(b, 'room:join', { roomId });
    const presence = collect(b, 'presence');
    const [a1, a2] = await Promise.all([client(alice.cookie), client(alice.cookie)]);
    await ok(a1, 'room:join', { roomId });
    const joined = await ok(a2, 'room:join', { roomId });
    expect(joined.online.map((u) => u.id)).toEqual([alice.user.id, bob.user.id]);

    a1.close();
    await pause(300);
    a2.close();
    const started = Date.now();
    const gone = await next(b, 'presence', (p) => !p.online.some((u) => u.id === alice.user.id), 9000);
    expect(Date.now() - started).toBeGreaterThan(4000);
    expect(gone.online.map((u) => u.id)).toEqual([bob.user.id]);
    // One "came online" for alice (two tabs), then one "went offline".
    expect(presence.filter((p) => p.online.some((u) => u.id === alice.user.id))).toHaveLength(1);
  });

  it('moves read markers forward only and tells every tab of the user the unread counts', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const a = await client(alice.cookie);
    await ok(a, 'room:join', { roomId });
    for (const text of ['1', '2', '3']) await send(a, roomId, text);
    const [b1, b2] = await Promise.all([client(bob.cookie), client(bob.cookie)]);
    expect(await ok(b1, 'room:join', { roomId })).toMatchObject({ unread: 3, last_read_seq: 0 });

    const otherTab = next(b2, 'room:unread');
    expect(await ok(b1, 'room:read', { roomId, seq: 2 })).toEqual({ roomId, last_read_seq: 2 });
    expect((await otherTab).counts[String(roomId)]).toBe(1);
    expect(await ok(b1, 'room:read', { roomId, seq: 1 })).toEqual({ roomId, last_read_seq: 2 });
    expect(await ok(b1, 'room:read', { roomId, seq: 999 })).toEqual({ roomId, last_read_seq: 3 });
    const rooms = await t.app.inject({ url: '/api/rooms', headers: { cookie: bob.cookie } });
    expect((rooms.json() as { data: { id: number; unread: number }[] }).data.find((r) => r.id === roomId)).toMatchObject({ unread: 0 });
  });

  it('notifies a mentioned user', async () => {
    const alice = await user();
    const bob = await user();
    const roomId = await newRoom(alice.cookie);
    const a = await client(alice.cookie);
    await ok(a, 'room:join', { roomId });
    await send(a, roomId, `hey @${bob.username}, and @nobody_like_this and @${alice.username}`);
    let list: { data: { kind: string; link: string; body: string }[] } = { data: [] };
    for (let i = 0; i < 20 && list.data.length === 0; i += 1) {
      await pause(50);
      list = (await t.app.inject({ url: '/api/notifications', headers: { cookie: bob.cookie } })).json();
    }
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ kind: 'chat_mention', link: `/chat?room=${roomId}` });
    const own = (await t.app.inject({ url: '/api/notifications', headers: { cookie: alice.cookie } })).json() as { data: unknown[] };
    expect(own.data).toHaveLength(0);
  });
});
