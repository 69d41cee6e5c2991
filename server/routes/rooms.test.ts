// /api/rooms*: listing, creating public rooms, opening direct rooms, scrollback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Message, Room, RoomSummary } from '../contract/chat.js';
import { buildTestApp, listen, registerUser, type TestApp } from '../test/helpers.js';
import { chatClient, connected, ok } from '../test/chat-client.js';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 });
  url = await listen(t.app);
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, cookie: string) => t.app.inject({ url: path, headers: { cookie } });
const post = (path: string, cookie: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: path, headers: { cookie }, payload });

describe('rooms over REST', () => {
  it('lists #general from the first start, and asks for a session', async () => {
    const { cookie } = await registerUser(t.app);
    const res = await get('/api/rooms', cookie);
    expect(res.statusCode).toBe(200);
    const general = (res.json() as { data: RoomSummary[] }).data.find((r) => r.name === 'general');
    expect(general).toMatchObject({ kind: 'public', peer: null, member: false, unread: 0 });
    expect((await t.app.inject({ url: '/api/rooms' })).statusCode).toBe(401);
  });

  it('creates public rooms with valid, unique names', async () => {
    const { cookie } = await registerUser(t.app);
    const created = await post('/api/rooms', cookie, { name: 'ops-team' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'public', name: 'ops-team', last_seq: 0 });
    const duplicate = await post('/api/rooms', cookie, { name: 'ops-team' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'conflict' });
    for (const name of ['Ops', '-ops', 'a', 'x'.repeat(33), 'has space']) {
      const bad = await post('/api/rooms', cookie, { name });
      expect(bad.statusCode, name).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    }
    const listed = (await get('/api/rooms', cookie)).json() as { data: RoomSummary[] };
    expect(listed.data.find((r) => r.name === 'ops-team')).toMatchObject({ member: true });
  });

  it('opens one direct room per pair, visible to its two members only', async () => {
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const carol = await registerUser(t.app);
    const opened = await post('/api/rooms/direct', alice.cookie, { username: bob.username.toUpperCase() });
    expect(opened.statusCode).toBe(201);
    const room = opened.json() as Room;
    expect(room).toMatchObject({ kind: 'direct', name: null, peer: { id: bob.user.id, username: bob.username } });
    const again = await post('/api/rooms/direct', bob.cookie, { username: alice.username });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: room.id, peer: { id: alice.user.id } });

    expect((await post('/api/rooms/direct', alice.cookie, { username: 'no-such-user' })).statusCode).toBe(404);
    const self = await post('/api/rooms/direct', alice.cookie, { username: alice.username });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: 'bad_request' });

    const carolsRooms = (await get('/api/rooms', carol.cookie)).json() as { data: RoomSummary[] };
    expect(carolsRooms.data.some((r) => r.id === room.id)).toBe(false);
    const bobsRooms = (await get('/api/rooms', bob.cookie)).json() as { data: RoomSummary[] };
    expect(bobsRooms.data.find((r) => r.id === room.id)).toMatchObject({ member: true, peer: { id: alice.user.id } });
    expect((await get(`/api/rooms/${room.id}/messages`, carol.cookie)).statusCode).toBe(404);
    expect((await get(`/api/rooms/${room.id}/messages`, bob.cookie)).statusCode).toBe(200);
    expect((await get('/api/rooms/999999/messages', bob.cookie)).statusCode).toBe(404);
  });

  it('pages back through messages by seq, with unread counts in the list', async () => {
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const roomId = ((await post('/api/rooms', alice.cookie, { name: 'scrollback' })).json() as Room).id;
    const socket = chatClient(url, alice.cookie);
    try {
      await connected(socket);
      await ok(socket, 'room:join', { roomId });
      for (let i = 1; i <= 7; i += 1) await ok(socket, 'message:send', { roomId, clientId: randomUUID(), text: `m${i}` });
    } finally {
      socket.close();
    }
    const seqs = (body: unknown) => (body as { data: Message[] }).data.map((m) => m.seq);
    const newest = await get(`/api/rooms/${roomId}/messages?limit=3`, bob.cookie);
    expect(seqs(newest.json())).toEqual([5, 6, 7]);
    expect(newest.json()).toMatchObject({ meta: { limit: 3, has_more: true } });
    const older = await get(`/api/rooms/${roomId}/messages?limit=3&before=5`, bob.cookie);
    expect(seqs(older.json())).toEqual([2, 3, 4]);
    const oldest = await get(`/api/rooms/${roomId}/messages?limit=3&before=2`, bob.cookie);
    expect(oldest.json()).toMatchObject({ meta: { has_more: false } });
    expect(seqs(oldest.json())).toEqual([1]);
    expect((await get(`/api/rooms/${roomId}/messages?limit=101`, bob.cookie)).statusCode).toBe(400);
    expect((await get(`/api/rooms/${roomId}/messages?before=abc`, bob.cookie)).statusCode).toBe(400);

    const list = (await get('/api/rooms', alice.cookie)).json() as { data: RoomSummary[] };
    expect(list.data.find((r) => r.id === roomId)).toMatchObject({ last_seq: 7, unread: 0, member: true });
  });
});
