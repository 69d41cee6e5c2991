// Socket.IO on the same HTTP server. Every namespace is created through `realtimeNamespace`, which applies
// the same handshake rules: a session cookie is required and the Origin must be the app's own (browsers send
// cookies on cross-site WebSocket handshakes, so without this check any site could act as the user). It is told
// the client events its contract names, and answers any other event with a `not_found` ack.
import fp from 'fastify-plugin';
import { Server, type DefaultEventsMap, type Namespace, type Socket } from 'socket.io';
import type { IncomingMessage } from 'node:http';
import { answerUnknownEvents } from '../http/socket-events.js';
import type { User } from '../contract/auth.js';
import type { ClientToServerEvents, HandshakeErrorCode, ServerToClientEvents } from '../contract/socket.js';

/** Socket.IO's own event-map constraint (not exported by name). */
type EventsMap = DefaultEventsMap;

export interface SocketData {
  user: User;
  sessionId: string;
}

type AnyNamespace = Namespace<EventsMap, EventsMap, EventsMap, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: Server<ClientToServerEvents, ServerToClientEvents, EventsMap, SocketData>;
    realtimeNamespace<C extends EventsMap, S extends EventsMap>(
      name: string,
      clientEvents: readonly (keyof C & string)[],
    ): Namespace<C, S, EventsMap, SocketData>;
  }
}

class HandshakeError extends Error {
  readonly data: { code: HandshakeErrorCode };
  constructor(code: HandshakeErrorCode, message: string) {
    super(message);
    this.data = { code };
  }
}

export function isOwnOrigin(request: IncomingMessage, allowed: readonly string[], trustProxy: boolean): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser: cookies are the caller's own
  if (allowed.includes(origin)) return true;
  const forwarded = trustProxy ? request.headers['x-forwarded-host'] : undefined;
  const host = (typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined) ?? request.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export default fp(
  async (fastify, opts: { allowedOrigins: string[]; trustProxy: boolean }) => {
    const io = new Server<ClientToServerEvents, ServerToClientEvents, EventsMap, SocketData>(fastify.server, {
      path: '/socket.io',
      serveClient: false,
      // Payloads here are small JSON; the 1 MB default only invites memory abuse.
      maxHttpBufferSize: 64 * 1024,
      cors: opts.allowedOrigins.length ? { origin: opts.allowedOrigins, credentials: true } : undefined,
    });

    io.engine.on('connection', (socket: { transport: { name: string }; once: (e: string, f: () => void) => void; on: (e: string, f: (t: { name: string }) => void) => void }) => {
      let release = fastify.connections.open(socket.transport.name === 'websocket' ? 'websocket' : 'polling');
      socket.on('upgrade', (transport) => {
        release();
        release = fastify.connections.open(transport.name === 'websocket' ? 'websocket' : 'polling');
      });
      socket.once('close', () => release());
    });

    const applyHandshakeRules = (nsp: AnyNamespace, clientEvents: ReadonlySet<string>) => {
      nsp.use((socket, next) => {
        if (!isOwnOrigin(socket.request, opts.allowedOrigins, opts.trustProxy)) {
          next(new HandshakeError('foreign_origin', 'Connections from another site are refused'));
          return;
        }
        fastify
          .authenticateCookieHeader(socket.request.headers.cookie)
          .then((auth) => {
            if (!auth) return next(new HandshakeError('unauthenticated', 'Sign in to connect'));
            socket.data.user = auth.user;
            socket.data.sessionId = auth.sessionId;
            next();
          })
          .catch((err: unknown) => next(err instanceof Error ? err : new Error('handshake failed')));
      });
      nsp.on('connection', (socket: Socket) => {
        void socket.join(`session:${(socket.data as SocketData).sessionId}`);
        answerUnknownEvents(socket, clientEvents);
      });
      return nsp;
    };

    const namespaces = new Map<string, AnyNamespace>();
    const realtimeNamespace = (name: string, clientEvents: readonly string[]): AnyNamespace => {
      let nsp = namespaces.get(name);
      if (!nsp) {
        nsp = applyHandshakeRules(io.of(name) as unknown as AnyNamespace, new Set(clientEvents));
        namespaces.set(name, nsp);
      }
      return nsp;
    };
    realtimeNamespace('/', []); // each feature has a namespace of its own: this one takes no client events

    // Signing out ends the session's sockets for good (no automatic reconnect on the client side).
    const unsubscribe = fastify.bus.subscribe('session.revoked', ({ sessionId, reason }) => {
      for (const nsp of namespaces.values()) {
        nsp.to(`session:${sessionId}`).emit('session:ended', { reason });
        nsp.in(`session:${sessionId}`).disconnectSockets(true);
      }
    });

    fastify.decorate('io', io);
    fastify.decorate('realtimeNamespace', realtimeNamespace as FastifyRealtimeNamespace);

    // Closing the engine drops every transport: clients see "transport close" and reconnect to the next
    // server, unlike a namespace disconnect, which tells them to stay away.
    fastify.addHook('preClose', async () => {
      unsubscribe();
      io.engine.close();
    });
  },
  { name: 'socket-io', dependencies: ['sessions', 'bus', 'metrics'] },
);

type FastifyRealtimeNamespace = <C extends EventsMap, S extends EventsMap>(
  name: string,
  clientEvents: readonly (keyof C & string)[],
) => Namespace<C, S, EventsMap, SocketData>;
