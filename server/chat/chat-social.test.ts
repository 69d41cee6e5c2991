// Typing, presence, read markers and mentions on the /chat namespace.
import { describe, expect, it } from 'vitest';
import { collect, next, ok, pause } from '../test/chat-client.js';
import { chatTestKit } from './chat-test-kit.js';

const kit = chatTestKit();

describe('chat: typing, presence, read markers, mentions', () => {
  it('sends typing to the others in the room only, throttled', async () => {
    const [alice, bob] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [a1, a2, b] } = await kit.joinedRoom(alice.cookie, alice.cookie, bob.cookie);
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
    const [alice, bob] = [await kit.user(), await kit.user()];
    const roomId = await kit.newRoom(alice.cookie);
    const b = await kit.client(bob.cookie);
    await ok(b, 'room:join', { roomId });
    const presence = collect(b, 'presence');
    const [a1, a2] = await Promise.all([kit.client(alice.cookie), kit.client(alice.cookie)]);
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
    const [alice, bob] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [a] } = await kit.joinedRoom(alice.cookie);
    for (const text of ['1', '2', '3']) await kit.send(a, roomId, text);
    const [b1, b2] = await Promise.all([kit.client(bob.cookie), kit.client(bob.cookie)]);
    expect(await ok(b1, 'room:join', { roomId })).toMatchObject({ unread: 3, last_read_seq: 0 });

    const otherTab = next(b2, 'room:unread');
    expect(await ok(b1, 'room:read', { roomId, seq: 2 })).toEqual({ roomId, last_read_seq: 2 });
    expect((await otherTab).counts[String(roomId)]).toBe(1);
    expect(await ok(b1, 'room:read', { roomId, seq: 1 })).toEqual({ roomId, last_read_seq: 2 });
    expect(await ok(b1, 'room:read', { roomId, seq: 999 })).toEqual({ roomId, last_read_seq: 3 });
    const rooms = await kit.app.inject({ url: '/api/rooms', headers: { cookie: bob.cookie } });
    expect((rooms.json() as { data: { id: number; unread: number }[] }).data.find((r) => r.id === roomId)).toMatchObject({ unread: 0 });
  });

  it('notifies a mentioned user', async () => {
    const [alice, bob] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [a] } = await kit.joinedRoom(alice.cookie);
    await kit.send(a, roomId, `hey @${bob.username}, and @nobody_like_this and @${alice.username}`);
    let list: { data: { kind: string; link: string; body: string }[] } = { data: [] };
    for (let i = 0; i < 20 && list.data.length === 0; i += 1) {
      await pause(50);
      list = (await kit.app.inject({ url: '/api/notifications', headers: { cookie: bob.cookie } })).json();
    }
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ kind: 'chat_mention', link: `/chat?room=${roomId}` });
    const own = (await kit.app.inject({ url: '/api/notifications', headers: { cookie: alice.cookie } })).json() as { data: unknown[] };
    expect(own.data).toHaveLength(0);
  });
});
