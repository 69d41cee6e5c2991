// Who may see, write, edit and delete what on the /chat namespace.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { loginAdmin } from '../test/helpers.js';
import { call, chatClient, next, ok } from '../test/chat-client.js';
import { chatTestKit } from './chat-test-kit.js';

const kit = chatTestKit();

describe('chat: access', () => {
  it('hides a direct room from everybody but its two members', async () => {
    const [alice, bob, mallory] = [await kit.user(), await kit.user(), await kit.user()];
    const roomId = await kit.directRoom(alice.cookie, bob.username);
    const [a, b, m] = await Promise.all([kit.client(alice.cookie), kit.client(bob.cookie), kit.client(mallory.cookie)]);
    await ok(a, 'room:join', { roomId });
    const joined = await ok(b, 'room:join', { roomId });
    expect(joined.room).toMatchObject({ kind: 'direct', peer: { id: alice.user.id } });
    const sent = await kit.send(a, roomId, 'just us');

    expect(await call(m, 'room:join', { roomId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(m, 'message:send', { roomId, clientId: randomUUID(), text: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(m, 'room:read', { roomId, seq: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(m, 'message:delete', { messageId: sent.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses /chat from a foreign Origin', async () => {
    const { cookie } = await kit.user();
    const socket = kit.track(chatClient(kit.url, cookie, { origin: 'https://evil.example' }));
    const error = await new Promise<Error & { data?: { code?: string } }>((resolve) => socket.once('connect_error', resolve));
    expect(error.data?.code).toBe('foreign_origin');
  });

  it('lets the author edit and delete, an admin delete, and nobody else either', async () => {
    const [alice, bob] = [await kit.user(), await kit.user()];
    const roomId = await kit.newRoom(alice.cookie);
    const admin = await kit.client(await loginAdmin(kit.app));
    const [a, b] = await Promise.all([kit.client(alice.cookie), kit.client(bob.cookie)]);
    for (const s of [a, b, admin]) await ok(s, 'room:join', { roomId });
    const first = await kit.send(a, roomId, 'frist');
    const second = await kit.send(a, roomId, 'second');

    const updated = next(b, 'message:updated');
    expect(await ok(a, 'message:edit', { messageId: first.id, text: 'first' })).toMatchObject({ text: 'first', seq: 1, version: 3 });
    expect(await updated).toMatchObject({ id: first.id, text: 'first', version: 3 });
    expect((await updated).edited_at).not.toBeNull();
    expect(await call(b, 'message:edit', { messageId: first.id, text: 'mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(b, 'message:delete', { messageId: first.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const deleted = next(b, 'message:deleted');
    expect(await ok(admin, 'message:delete', { messageId: second.id })).toMatchObject({ text: '', seq: 2, version: 4 });
    expect((await deleted).deleted_at).not.toBeNull();
    expect(await call(a, 'message:edit', { messageId: second.id, text: 'back' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const replay = await ok(b, 'room:join', { roomId, since: 0 });
    expect(replay.messages.map((m) => [m.seq, m.text, m.version])).toEqual([
      [1, 'first', 3],
      [2, '', 4],
    ]);
  });
});
