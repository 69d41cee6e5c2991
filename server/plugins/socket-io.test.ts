// Real Socket.IO clients against a listening server: the handshake rules every namespace shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
let url: string;
const open: Socket[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

function client(headers: Record<string, string>, transports: ('websocket' | 'polling')[] = ['websocket']): Socket {
  const socket = connect(url, { transports, extraHeaders: headers, reconnection: false, forceNew: true });
  open.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<{ connected: true } | { connected: false; message: string; code?: string }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
      resolve({ connected: false, message: err.message, code: err.data?.code }),
    );
  });
}

describe('Socket.IO handshake', () => {
  it('refuses a connection without a session, saying why', async () => {
    const result = await outcome(client({}));
    expect(result).toEqual({ connected: false, message: 'Sign in to connect', code: 'unauthenticated' });
  });

  it('refuses a foreign Origin even with a valid session cookie', async () => {
    const { cookie } = await registerUser(t.app);
    const result = await outcome(client({ cookie, origin: 'https://evil.example' }));
    expect(result).toMatchObject({ connected: false, code: 'foreign_origin' });
  });

  it('accepts the session cookie over websocket and over long polling', async () => {
    const { cookie } = await registerUser(t.app);
    expect(await outcome(client({ cookie, origin: url }))).toEqual({ connected: true });
    expect(await outcome(client({ cookie }, ['polling']))).toEqual({ connected: true });
  });

  it('tells the session\'s sockets it ended on sign-out and disconnects them for good', async () => {
    const { cookie } = await registerUser(t.app);
    const other = await registerUser(t.app);
    const mine = client({ cookie });
    const theirs = client({ cookie: other.cookie });
    await Promise.all([outcome(mine), outcome(theirs)]);
    const ended = new Promise((resolve) => mine.once('session:ended', resolve));
    const gone = new Promise((resolve) => mine.once('disconnect', resolve));
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(await ended).toEqual({ reason: 'signed_out' });
    expect(await gone).toBe('io server disconnect');
    expect(theirs.connected).toBe(true);
  });

  it('refuses nothing a tab sends when it hangs up before signing out, even over long polling', async () => {
    // The client hangs up first on purpose: a goodbye sent after the server dropped the session's sockets makes
    // Socket.IO's server close the connection, and the tab's closing POST then meets "Session ID unknown".
    const { cookie } = await registerUser(t.app);
    const mine = client({ cookie }, ['polling']);
    await outcome(mine);
    const engine = t.app.io.engine as unknown as {
      clients: Record<string, { once(event: 'close', listener: (reason: string) => void): void }>;
      on(event: 'connection_error', listener: (err: { message: string }) => void): void;
      off(event: 'connection_error', listener: (err: { message: string }) => void): void;
    };
    const refusals: string[] = [];
    const onError = (err: { message: string }) => refusals.push(err.message);
    engine.on('connection_error', onError);
    try {
      const closed = new Promise<string>((resolve) => engine.clients[mine.io.engine.id]!.once('close', resolve));
      mine.disconnect();
      expect(await closed).toBe('transport close');
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
      expect(refusals).toEqual([]);
    } finally {
      engine.off('connection_error', onError);
    }
  });

  it('answers an event on the default namespace, which takes none, with not_found', async () => {
    const { cookie } = await registerUser(t.app);
    const socket = client({ cookie });
    await outcome(socket);
    const answer: unknown = await socket.timeout(2000).emitWithAck('anything', { x: 1 });
    expect(answer).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no event "anything" on /.' } });
    expect(socket.connected).toBe(true);
  });

  it('counts open websocket connections in the metrics', async () => {
    const { cookie } = await registerUser(t.app);
    const socket = client({ cookie });
    await outcome(socket);
    expect(t.app.connections.count('websocket')).toBeGreaterThan(0);
  });
});
