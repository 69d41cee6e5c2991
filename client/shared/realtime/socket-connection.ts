// One Socket.IO connection per tab to the default namespace. It is a plain module, not React state, so any
// code can listen to events and the UI reads its status through useSyncExternalStore. The handshake is
// authenticated by the session cookie, so the app connects only while someone is signed in.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeErrorCode, ServerToClientEvents } from '../../../server/contract/socket';
import { hangUpOnSignOut, hangUpSocket, type HungUp } from './sign-out-hang-up';

export type SocketState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface SocketStatus {
  readonly state: SocketState;
  /** Why the server refused or closed the connection, e.g. `unauthenticated`. */
  readonly reason?: HandshakeErrorCode | 'server_closed' | (string & {});
}

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;

export interface SocketConnection {
  connect(): void;
  close(): void;
  /** Closes the connection for a sign-out if it is open or opening. */
  hangUp(): HungUp | undefined;
  on<E extends EventName>(event: E, handler: ServerToClientEvents[E]): () => void;
  getStatus(): SocketStatus;
  subscribe(listener: () => void): () => void;
}

const createDefaultSocket = (): AppSocket =>
  io('/', { path: '/socket.io', withCredentials: true, autoConnect: false });

const browserIsOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export function createSocketConnection(createSocket: () => AppSocket = createDefaultSocket): SocketConnection {
  let socket: AppSocket | undefined;
  let status: SocketStatus = { state: 'idle' };
  const listeners = new Set<() => void>();

  const setStatus = (next: SocketStatus) => {
    if (next.state === status.state && next.reason === status.reason) return;
    status = next; // a new object only on change keeps useSyncExternalStore from re-rendering needlessly
    for (const listener of listeners) listener();
  };

  const onBrowserOffline = () => {
    if (socket?.active) setStatus({ state: 'offline' });
  };
  const onBrowserOnline = () => {
    if (!socket?.active) return;
    // A WebSocket can survive a short offline spell untouched: then it is simply connected again.
    setStatus({ state: socket.connected ? 'connected' : 'reconnecting' });
  };

  const getSocket = (): AppSocket => {
    if (socket) return socket;
    const created = createSocket();
    created.on('connect', () => setStatus({ state: 'connected' }));
    created.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') setStatus({ state: 'idle' });
      // The server closing the socket on purpose is final: Socket.IO does not reconnect after it.
      else if (reason === 'io server disconnect') setStatus({ state: 'offline', reason: 'server_closed' });
      else setStatus({ state: browserIsOffline() ? 'offline' : 'reconnecting' });
    });
    created.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // An inactive socket after an error means the server refused the handshake; it will not retry.
      if (!created.active) setStatus({ state: 'refused', reason: error.data?.code ?? error.message });
      else setStatus({ state: 'offline' });
    });
    socket = created;
    return created;
  };

  const close = () => {
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', onBrowserOffline);
      window.removeEventListener('online', onBrowserOnline);
    }
    socket?.disconnect();
    setStatus({ state: 'idle' });
  };

  const connection: SocketConnection = {
    connect() {
      const current = getSocket();
      if (current.active) return;
      setStatus({ state: browserIsOffline() ? 'offline' : 'connecting' });
      if (typeof window !== 'undefined') {
        window.addEventListener('offline', onBrowserOffline);
        window.addEventListener('online', onBrowserOnline);
      }
      current.connect();
    },
    close,
    hangUp: () => hangUpSocket(socket, close, () => connection.connect()),
    on(event, handler) {
      const current = getSocket();
      current.on(event, handler as never);
      // Remove this handler only: other listeners of the same event belong to other code.
      return () => {
        current.off(event, handler as never);
      };
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return connection;
}

/** The tab's single connection. */
export const socketConnection = createSocketConnection();
hangUpOnSignOut(() => socketConnection.hangUp());
