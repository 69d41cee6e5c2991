// The tab's one socket to the /chat namespace. It shares the engine (one WebSocket) with the default namespace
// socket, is opened while a chat view is mounted (ref-counted, so StrictMode's double mount is harmless) and
// tells its users when it is ready to carry traffic: after every (re)connect, and when the browser comes back
// online. Socket.IO's own offline buffer is never used: `request` refuses to emit unless connected.
import { io, type Socket } from 'socket.io-client';
import {
  CHAT_NAMESPACE,
  type Ack,
  type ChatClientToServerEvents,
  type ChatServerToClientEvents,
  type ClientChatEvent,
  type ClientChatEventPayloads,
  type ClientChatEventResults,
} from '../../../../server/contract/chat';
import { ACK_TIMEOUT_MS, ChatAckError, ChatUnreachableError } from './chat-errors';

export type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
export type ChatConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';
type ServerEvent = keyof ChatServerToClientEvents;

const createChatSocket = (): ChatSocket => io(CHAT_NAMESPACE, { withCredentials: true, autoConnect: false });
const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export function createChatConnection(createSocket: () => ChatSocket = createChatSocket) {
  let socket: ChatSocket | undefined;
  let state: ChatConnectionState = 'idle';
  let users = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const stateListeners = new Set<() => void>();
  const readyListeners = new Set<() => void>();
  // Rooms this socket has joined since it connected: a disconnect leaves them all on the server.
  const joined = new Set<number>();

  const setState = (next: ChatConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener();
  };
  const ready = () => state === 'connected';
  const announceReady = () => {
    for (const listener of [...readyListeners]) listener();
  };

  // A browser that says it is offline may still hold an open WebSocket (devtools' offline mode keeps it): treat
  // it as offline anyway, so messages queue visibly instead of racing a connection about to drop.
  const onOffline = () => {
    if (socket?.active) setState('offline');
  };
  const onOnline = () => {
    if (!socket?.active) return;
    if (socket.connected) {
      setState('connected');
      announceReady();
    } else setState('reconnecting');
  };

  const getSocket = (): ChatSocket => {
    if (socket) return socket;
    const created = createSocket();
    created.on('connect', () => {
      setState(browserOffline() ? 'offline' : 'connected');
      if (ready()) announceReady();
    });
    created.on('disconnect', (reason) => {
      joined.clear();
      if (reason === 'io client disconnect') setState('idle');
      else setState(browserOffline() || reason === 'io server disconnect' ? 'offline' : 'reconnecting');
    });
    created.on('connect_error', () => setState(browserOffline() ? 'offline' : 'reconnecting'));
    socket = created;
    return created;
  };

  const open = () => {
    const current = getSocket();
    if (current.active) return;
    setState(browserOffline() ? 'offline' : 'connecting');
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', onOffline);
      window.addEventListener('online', onOnline);
    }
    current.connect();
  };

  const close = () => {
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    }
    socket?.disconnect();
    setState('idle');
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
    onReady(listener: () => void): () => void {
      readyListeners.add(listener);
      return () => void readyListeners.delete(listener);
    },
    isReady: ready,
    markJoined: (roomId: number) => void joined.add(roomId),
    hasJoined: (roomId: number) => joined.has(roomId),
    /** Resolves once connected (at once if already); rejects when `signal` aborts. */
    whenReady(signal?: AbortSignal): Promise<void> {
      if (ready()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const stop = () => {
          readyListeners.delete(onReady);
          signal?.removeEventListener('abort', onAbort);
        };
        const onReady = () => {
          stop();
          resolve();
        };
        const onAbort = () => {
          stop();
          reject(signal?.reason);
        };
        readyListeners.add(onReady);
        signal?.addEventListener('abort', onAbort);
      });
    },
    /** Emits with an ack and a timeout; never buffers while disconnected. */
    async request<E extends ClientChatEvent>(
      event: E,
      payload: ClientChatEventPayloads[E],
      timeoutMs = ACK_TIMEOUT_MS,
    ): Promise<ClientChatEventResults[E]> {
      if (!socket || !ready()) throw new ChatUnreachableError('Not connected to chat.');
      let ack: Ack<ClientChatEventResults[E]>;
      try {
        // The event map's optional ack does not survive Socket.IO's timeout typing; the contract types the answer.
        ack = (await (socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, payload)) as typeof ack;
      } catch {
        throw new ChatUnreachableError('No answer from the chat server.');
      }
      if (!ack.ok) throw new ChatAckError(ack.error);
      return ack.data;
    },
    /** Fire and forget, dropped rather than queued when not connected (typing indicators). */
    volatile<E extends ClientChatEvent>(event: E, payload: ClientChatEventPayloads[E]): void {
      if (socket && ready()) (socket as unknown as Socket).volatile.emit(event, payload);
    },
    getState: () => state,
    subscribe(listener: () => void): () => void {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
  };
}

export type ChatConnection = ReturnType<typeof createChatConnection>;

/** The tab's single chat connection. */
export const chatConnection = createChatConnection();
