// The setup every chat integration test shares: one app per test file listening on an ephemeral port, real
// socket.io-client instances closed at the end, users, rooms and sends.
import { afterAll, beforeAll, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildTestApp, listen, registerUser, type TestApp } from '../test/helpers.js';
import { chatClient, connected, ok, type ChatClient, type ChatClientOptions } from '../test/chat-client.js';

export function chatTestKit() {
  let t: TestApp;
  let url: string;
  const open: ChatClient[] = [];
  let rooms = 0;

  beforeAll(async () => {
    t = await buildTestApp({ REGISTRATIONS_PER_HOUR: 1000 });
    url = await listen(t.app);
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  const kit = {
    get app() {
      return t.app;
    },
    get url() {
      return url;
    },
    get dataDir() {
      return t.dataDir;
    },
    user: () => registerUser(t.app),
    /** Closed when the file's tests are done. */
    track(socket: ChatClient): ChatClient {
      open.push(socket);
      return socket;
    },
    async client(cookie: string, options: ChatClientOptions = {}): Promise<ChatClient> {
      const socket = kit.track(chatClient(url, cookie, options));
      await connected(socket);
      return socket;
    },
    async newRoom(cookie: string): Promise<number> {
      rooms += 1;
      const name = `room-${process.pid}-${rooms}-${randomUUID().slice(0, 6)}`;
      const res = await t.app.inject({ method: 'POST', url: '/api/rooms', headers: { cookie }, payload: { name } });
      expect(res.statusCode).toBe(201);
      return (res.json() as { id: number }).id;
    },
    async directRoom(cookie: string, username: string): Promise<number> {
      const res = await t.app.inject({ method: 'POST', url: '/api/rooms/direct', headers: { cookie }, payload: { username } });
      expect(res.statusCode).toBe(201);
      return (res.json() as { id: number }).id;
    },
    /** A new room of the first cookie's user, and a client per cookie that has joined it. */
    async joinedRoom<C extends [string, ...string[]]>(...cookies: C): Promise<{ roomId: number; sockets: { [K in keyof C]: ChatClient } }> {
      const roomId = await kit.newRoom(cookies[0]);
      const sockets = await Promise.all(cookies.map((cookie) => kit.client(cookie)));
      for (const socket of sockets) await ok(socket, 'room:join', { roomId });
      return { roomId, sockets: sockets as { [K in keyof C]: ChatClient } };
    },
    send: (socket: ChatClient, roomId: number, text: string, clientId: string = randomUUID()) =>
      ok(socket, 'message:send', { roomId, clientId, text }),
  };
  return kit;
}
