// Catching up after a disconnect: edits and deletes are replayed like new messages, each change once.
import { describe, expect, it } from 'vitest';
import type { Message } from '../contract/chat.js';
import { call, collect, connected, next, ok, pause } from '../test/chat-client.js';
import { chatTestKit } from './chat-test-kit.js';

const kit = chatTestKit();

describe('chat: catching up with edits and deletes', () => {
  it('shows a reconnected client what was edited and deleted while it was away, exactly once', async () => {
    const [alice, bob] = [await kit.user(), await kit.user()];
    const { roomId, sockets: [b] } = await kit.joinedRoom(bob.cookie);
    const [first, second] = [await kit.send(b, roomId, 'first'), await kit.send(b, roomId, 'second')];

    // Alice holds the room the way the page does: a join's messages and version, then live changes.
    const a = await kit.client(alice.cookie);
    const held = new Map<number, Message>();
    const applied: string[] = [];
    const keep = (m: Message) => {
      if ((held.get(m.id)?.version ?? 0) >= m.version) return;
      held.set(m.id, m);
      applied.push(`${m.id}@${m.version}`);
    };
    for (const event of ['message:new', 'message:updated', 'message:deleted'] as const) a.on(event, keep);
    let since = 0;
    const join = async () => {
      const ack = await ok(a, 'room:join', { roomId, since });
      ack.messages.forEach(keep);
      since = ack.version;
    };
    await join();
    expect(since).toBe(2);

    a.disconnect();
    const edited = await ok(b, 'message:edit', { messageId: first.id, text: 'first, edited' });
    const deleted = await ok(b, 'message:delete', { messageId: second.id });
    const third = await kit.send(b, roomId, 'third');
    const replayed = collect(a, 'message:updated');
    a.connect();
    await connected(a);
    await join();
    await pause(200);

    expect(since).toBe(5);
    expect(held.get(first.id)).toMatchObject({ text: 'first, edited', version: edited.version });
    expect(held.get(second.id)).toMatchObject({ text: '', version: deleted.version });
    expect(held.get(second.id)!.deleted_at).not.toBeNull();
    expect(held.get(third.id)?.text).toBe('third');
    expect(applied).toEqual([`${first.id}@1`, `${second.id}@2`, `${first.id}@3`, `${second.id}@4`, `${third.id}@5`]);
    expect(replayed).toEqual([]); // nothing changed after the re-join, so nothing arrived live
    expect((await ok(a, 'room:join', { roomId, since })).messages).toEqual([]);
  });

  it('replays a message edited and then deleted once, as deleted', async () => {
    const bob = await kit.user();
    const { roomId, sockets: [b] } = await kit.joinedRoom(bob.cookie);
    const message = await kit.send(b, roomId, 'soon gone');
    await ok(b, 'message:edit', { messageId: message.id, text: 'going' });
    await ok(b, 'message:delete', { messageId: message.id });
    const replay = await ok(b, 'room:join', { roomId, since: message.version });
    expect(replay.messages.map((m) => [m.id, m.text, m.version])).toEqual([[message.id, '', 3]]);
    expect(replay.version).toBe(3);
  });

  it('gives the members who had not read a deleted message their new unread count', async () => {
    const [alice, bob, carol] = [await kit.user(), await kit.user(), await kit.user()];
    const { roomId, sockets: [a, b, c] } = await kit.joinedRoom(alice.cookie, bob.cookie, carol.cookie);
    const message = await kit.send(a, roomId, 'read by carol only');
    await kit.send(a, roomId, 'and another');
    const carolRead = next(c, 'room:unread');
    await ok(c, 'room:read', { roomId, seq: 2 });
    await carolRead;
    const toAuthor = collect(a, 'room:unread');
    const toCarol = collect(c, 'room:unread');

    const toBob = next(b, 'room:unread');
    expect(await call(a, 'message:delete', { messageId: message.id })).toMatchObject({ ok: true });
    expect(await toBob).toEqual({ counts: { [roomId]: 1 } });
    await pause(200);
    expect([toAuthor, toCarol]).toEqual([[], []]);
  });
});
