// `room:activity`: room lists hear of new messages in rooms their socket has not joined.
import { describe, expect, it } from 'vitest';
import { ROOM_ACTIVITY_INTERVAL_MS, type RoomSummary } from '../contract/chat.js';
import { collect, next, ok, pause } from '../test/chat-client.js';
import { chatTestKit } from './chat-test-kit.js';

const kit = chatTestKit();

describe('chat: room activity', () => {
  it('tells every socket outside a public room of its new messages, and the sockets in it nothing more', async () => {
    const [alice, bob, carol] = [await kit.user(), await kit.user(), await kit.user()];
    const roomId = await kit.newRoom(alice.cookie);
    const [a, aOtherTab, b, c] = await Promise.all([
      kit.client(alice.cookie),
      kit.client(alice.cookie),
      kit.client(bob.cookie),
      kit.client(carol.cookie),
    ]);
    await ok(a, 'room:join', { roomId });
    await ok(b, 'room:join', { roomId });
    const inRoom = [collect(a, 'room:activity'), collect(b, 'room:activity')];
    const toOtherTab = next(aOtherTab, 'room:activity', (e) => e.roomId === roomId);
    const toCarol = next(c, 'room:activity', (e) => e.roomId === roomId);

    const sent = await kit.send(a, roomId, 'anyone there?');
    const expected = { roomId, lastSeq: 1, lastMessageAt: sent.created_at, messages: [{ seq: 1, authorId: alice.user.id }] };
    expect(await toOtherTab).toEqual(expected);
    expect(await toCarol).toEqual(expected);
    await pause(200);
    expect(inRoom).toEqual([[], []]);

    const list = await kit.app.inject({ url: '/api/rooms', headers: { cookie: carol.cookie } });
    expect((list.json() as { data: RoomSummary[] }).data.find((r) => r.id === roomId)).toMatchObject({
      last_seq: 1,
      last_message_at: sent.created_at,
      member: false,
    });
  });

  it('tells only the two members of a direct room, even before the other has opened it', async () => {
    const [alice, bob, mallory] = [await kit.user(), await kit.user(), await kit.user()];
    const roomId = await kit.directRoom(alice.cookie, bob.username);
    const [a, b, m] = await Promise.all([kit.client(alice.cookie), kit.client(bob.cookie), kit.client(mallory.cookie)]);
    await ok(a, 'room:join', { roomId });
    const toMallory = collect(m, 'room:activity');
    const toBob = next(b, 'room:activity', (e) => e.roomId === roomId);

    const sent = await kit.send(a, roomId, 'psst');
    expect(await toBob).toEqual({ roomId, lastSeq: 1, lastMessageAt: sent.created_at, messages: [{ seq: 1, authorId: alice.user.id }] });
    await pause(200);
    expect(toMallory).toEqual([]);
  });

  it('announces a burst as its first message at once and the rest together once the interval is over', async () => {
    const [alice, bob, carol] = [await kit.user(), await kit.user(), await kit.user()];
    const roomId = await kit.newRoom(alice.cookie);
    const [a, b, c] = await Promise.all([kit.client(alice.cookie), kit.client(bob.cookie), kit.client(carol.cookie)]);
    await ok(a, 'room:join', { roomId });
    await ok(b, 'room:join', { roomId });
    const toCarol = collect(c, 'room:activity');

    const started = Date.now();
    const first = await kit.send(a, roomId, 'one');
    const rest = [await kit.send(b, roomId, 'two'), await kit.send(a, roomId, 'three')];
    await pause(ROOM_ACTIVITY_INTERVAL_MS / 5);
    expect(toCarol).toEqual([{ roomId, lastSeq: 1, lastMessageAt: first.created_at, messages: [{ seq: 1, authorId: alice.user.id }] }]);

    await pause(ROOM_ACTIVITY_INTERVAL_MS + 200 - (Date.now() - started));
    expect(toCarol).toHaveLength(2);
    expect(toCarol[1]).toEqual({
      roomId,
      lastSeq: 3,
      lastMessageAt: rest[1]!.created_at,
      messages: [
        { seq: 2, authorId: bob.user.id },
        { seq: 3, authorId: alice.user.id },
      ],
    });

    // After a quiet interval, the next message goes at once again.
    await pause(ROOM_ACTIVITY_INTERVAL_MS + 100);
    const fourth = await kit.send(b, roomId, 'four');
    await pause(ROOM_ACTIVITY_INTERVAL_MS / 5);
    expect(toCarol.at(-1)).toEqual({ roomId, lastSeq: 4, lastMessageAt: fourth.created_at, messages: [{ seq: 4, authorId: bob.user.id }] });
  });
});

describe('chat: room created', () => {
  it('tells every socket of a new public room, and only the two members of a new direct room', async () => {
    const [alice, bob, carol] = [await kit.user(), await kit.user(), await kit.user()];
    const [b, c] = await Promise.all([kit.client(bob.cookie), kit.client(carol.cookie)]);
    const publicToBob = next(b, 'room:created');
    const publicToCarol = next(c, 'room:created');
    const roomId = await kit.newRoom(alice.cookie);
    expect(await publicToBob).toEqual({ roomId });
    expect(await publicToCarol).toEqual({ roomId });

    const toCarol = collect(c, 'room:created');
    const directToBob = next(b, 'room:created');
    const directId = await kit.directRoom(alice.cookie, bob.username);
    expect(await directToBob).toEqual({ roomId: directId });
    // Opening it again creates nothing and announces nothing.
    const again = await kit.app.inject({ method: 'POST', url: '/api/rooms/direct', headers: { cookie: alice.cookie }, payload: { username: bob.username } });
    expect(again.statusCode).toBe(200);
    await pause(200);
    expect(toCarol).toEqual([]);
  });
});
