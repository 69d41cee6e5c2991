// Delivery on the /chat namespace: idempotent sends, the newest page and catch-up joins, and a server restart.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Message } from '../contract/chat.js';
import { buildTestApp, listen, registerUser } from '../test/helpers.js';
import { call, chatClient, collect, connected, next, ok, pause, type ChatClient } from '../test/chat-client.js';
import { chatTestKit } from './chat-test-kit.js';

const kit = chatTestKit();

describe('chat: delivery', () => {
  it('stores and broadcasts a message exactly once however often its clientId is resent', async () => {
    const [alice, bob] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [a1, a2, b] } = await kit.joinedRoom(alice.cookie, alice.cookie, bob.cookie);
    const seenByBob = collect(b, 'message:new');
    const seenByOtherTab = collect(a2, 'message:new');

    const clientId = 'same-client-id';
    const acks: Message[] = await Promise.all([kit.send(a1, roomId, 'hello', clientId), kit.send(a1, roomId, 'hello', clientId)]);
    acks.push(await kit.send(a1, roomId, 'hello again?', clientId));
    expect(new Set(acks.map((m) => m.id)).size).toBe(1);
    expect(acks[2]).toMatchObject({ text: 'hello', seq: 1, version: 1, client_id: clientId, author: { id: alice.user.id } });

    await pause(200);
    expect(seenByBob.map((m) => m.id)).toEqual([acks[0]!.id]);
    expect(seenByOtherTab.map((m) => m.id)).toEqual([acks[0]!.id]);
    const page = await kit.app.inject({ url: `/api/rooms/${roomId}/messages`, headers: { cookie: bob.cookie } });
    expect((page.json() as { data: Message[] }).data).toHaveLength(1);
  });

  it('answers a first join with the newest page, and a later one with what changed since its version', async () => {
    const [alice, bob] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [a] } = await kit.joinedRoom(alice.cookie);
    const sent: Message[] = [];
    for (const text of ['one', '  two  ', 'three']) sent.push(await kit.send(a, roomId, text));
    expect(sent.map((m) => [m.seq, m.version])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(sent[1]!.text).toBe('two');

    const b = await kit.client(bob.cookie);
    const fresh = await ok(b, 'room:join', { roomId });
    expect(fresh.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(fresh).toMatchObject({ version: 3, has_more: false, room: { id: roomId, kind: 'public', last_seq: 3 } });
    expect(fresh.room.last_message_at).toBe(sent[2]!.created_at);
    const replay = await ok(b, 'room:join', { roomId, since: 1 });
    expect(replay.messages.map((m) => m.text)).toEqual(['two', 'three']);
    expect(replay).toMatchObject({ version: 3, has_more: false });
    expect(await ok(b, 'room:join', { roomId, since: 3 })).toMatchObject({ messages: [], version: 3 });
  });

  it('loses and doubles nothing across a server restart: clients re-join with `since`', async () => {
    const dir = kit.dataDir + '-restart';
    const first = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 }, dir);
    const base = await listen(first.app);
    const port = Number(new URL(base).port);
    const alice = await registerUser(first.app);
    const bob = await registerUser(first.app);
    const created = await first.app.inject({ method: 'POST', url: '/api/rooms', headers: { cookie: alice.cookie }, payload: { name: 'restart' } });
    const roomId = (created.json() as { id: number }).id;

    const received = new Map<string, Message[]>();
    function resilient(name: string, cookie: string): ChatClient {
      const socket = kit.track(chatClient(base, cookie, { reconnection: true }));
      const seen: Message[] = [];
      received.set(name, seen);
      let since: number | undefined;
      const take = (m: Message) => {
        if (m.seq <= (seen.at(-1)?.seq ?? 0)) return; // already have it (live and replay may overlap)
        seen.push(m);
      };
      socket.on('message:new', take);
      // Every (re)connect is a catch-up from the version of the last join.
      socket.on('connect', () => {
        void call(socket, 'room:join', since === undefined ? { roomId } : { roomId, since }).then((ack) => {
          if (!ack.ok) return;
          ack.data.messages.forEach(take);
          since = ack.data.version;
        });
      });
      return socket;
    }
    const a = resilient('alice', alice.cookie);
    const b = resilient('bob', bob.cookie);
    await Promise.all([connected(a), connected(b)]);
    await pause(100);

    const m1 = await kit.send(a, roomId, 'before the restart');
    await next(b, 'message:new', (m) => m.id === m1.id);
    b.disconnect(); // bob is offline for what follows
    const m2 = await kit.send(a, roomId, 'while bob is away');

    await first.close();
    const second = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 }, dir);
    try {
      await second.app.listen({ port, host: '127.0.0.1' });
      await new Promise<void>((resolve) => (a.connected ? resolve() : a.once('connect', () => resolve())));
      await pause(100);
      // A resend after the restart (the ack may have been lost with the old server) is still the same message.
      expect((await kit.send(a, roomId, 'while bob is away', m2.client_id)).id).toBe(m2.id);
      const m3 = await kit.send(a, roomId, 'after the restart');
      expect(m3.seq).toBe(3);

      b.connect();
      await connected(b);
      for (let i = 0; i < 50 && (received.get('bob')!.at(-1)?.seq ?? 0) < 3; i += 1) await pause(50);
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
