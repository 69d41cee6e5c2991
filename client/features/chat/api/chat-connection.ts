// The tab's one socket to the /chat namespace. It shares the engine (one WebSocket) with the default namespace
// socket, is opened while a chat view is mounted (ref-counted, so StrictMode's double mount is harmless) and
// tells its users when it is ready to carry traffic: after every (re)connect, and when the browser comes back
// online.
import { io, type Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, type ChatClientToServerEvents, type ChatServerToClientEvents } from '../../../../server/contract/chat';
import { createChatRequests } from './chat-requests';
import { browserOffline, createConnectionState, type ChatConnectionState } from './connection-state';
import { createReadySignal } from './ready-signal';
import { hangUpOnSignOut, hangUpSocket, type HungUp } from '../../../shared/realtime/sign-out-hang-up';

export type { ChatConnectionState };
export type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
type ServerEvent = keyof ChatServerToClientEvents;

const createChatSocket = (): ChatSocket => io(CHAT_NAMESPACE, { withCredentials: true, autoConnect: false });

export function createChatConnection(createSocket: () => ChatSocket = createChatSocket) {
  let socket: ChatSocket | undefined;
  let users = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const state = createConnectionState();
  const ready = () => state.get() === 'connected';
  const signal = createReadySignal(ready);
  // Rooms this socket has joined since it connected: a disconnect leaves them all on the server.
  const joined = new Set<number>();

  // A browser that says it is offline may still hold an open WebSocket (devtools' offline mode keeps it): treat
  // it as offline anyway, so messages queue visibly instead of racing a connection about to drop.
  const onOffline = () => {
    if (socket?.active) state.set('offline');
  };
  const onOnline = () => {
    if (!socket?.active) return;
    if (!socket.connected) return state.set('reconnecting');
    state.set('connected');
    signal.announce();
  };

  const getSocket = (): ChatSocket => {
    if (socket) return socket;
    const created = createSocket();
    created.on('connect', () => {
      state.set(browserOffline() ? 'offline' : 'connected');
      if (ready()) signal.announce();
    });
    created.on('disconnect', (reason) => {
      joined.clear();
      if (reason === 'io client disconnect') state.set('idle');
      else state.set(browserOffline() || reason === 'io server disconnect' ? 'offline' : 'reconnecting');
    });
    created.on('connect_error', () => state.set(browserOffline() ? 'offline' : 'reconnecting'));
    socket = created;
    return created;
  };

  const watchBrowser = (watch: boolean) => {
    if (typeof window === 'undefined') return;
    const method = watch ? 'addEventListener' : 'removeEventListener';
    window[method]('offline', onOffline);
    window[method]('online', onOnline);
  };

  const open = () => {
    const current = getSocket();
    if (current.active) return;
    state.set(browserOffline() ? 'offline' : 'connecting');
    watchBrowser(true);
    current.connect();
  };

  const close = () => {
    watchBrowser(false);
    socket?.disconnect();
    state.set('idle');
  };

  return {
    /** Keeps the connection open until the returned release is called (by every holder). */
    acquire(): () => void {
      users += 1;
      clearTimeout(closeTimer);
      open();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        users -= 1;
        // Deferred: a release followed at once by an acquire (StrictMode, a re-mount) keeps the socket.
        if (users === 0) closeTimer = setTimeout(() => users === 0 && close(), 0);
      };
    },
    on<E extends ServerEvent>(event: E, handler: ChatServerToClientEvents[E]): () => void {
      const current = getSocket();
      current.on(event, handler as never);
      // This handler only: `off(event)` without it would remove every other listener of the event too.
      return () => void current.off(event, handler as never);
    },
    /** Called after every (re)connect and on coming back online while connected. */
    onReady: signal.onReady,
    whenReady: signal.whenReady,
    isReady: ready,
    markJoined: (roomId: number) => void joined.add(roomId),
    hasJoined: (roomId: number) => joined.has(roomId),
    ...createChatRequests(() => socket as Socket | undefined, ready),
    getState: state.get,
    subscribe: state.subscribe,
    /** Closes the socket for a sign-out if it is open or opening; reopening needs a chat view still holding it. */
    hangUp: (): HungUp | undefined =>
      hangUpSocket(socket, close, () => {
        if (users > 0) open();
      }),
  };
}

export type ChatConnection = ReturnType<typeof createChatConnection>;

/** The tab's single chat connection. */
export const chatConnection = createChatConnection();
hangUpOnSignOut(() => chatConnection.hangUp());
