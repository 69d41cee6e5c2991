// Real socket.io-client instances on the /chat namespace, signed in by cookie, and small helpers to call an event
// with an ack and to wait for or collect server events.
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ChatServerToClientEvents, ClientChatEvent, ClientChatEventResults } from '../contract/chat.js';

export type ChatClient = Socket;

export interface ChatClientOptions {
  origin?: string;
  reconnection?: boolean;
}

export function chatClient(url: string, cookie: string, options: ChatClientOptions = {}): ChatClient {
  const headers: Record<string, string> = { cookie };
  if (options.origin) headers.origin = options.origin;
  return connect(`${url}/chat`, {
    transports: ['websocket'],
    extraHeaders: headers,
    forceNew: true,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
}

export function connected(socket: ChatClient): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Emits with an ack and resolves with the ack (rejects after 5 s without one). */
export async function call<E extends ClientChatEvent>(socket: ChatClient, event: E, payload: unknown): Promise<Ack<ClientChatEventResults[E]>> {
  return (await socket.timeout(5000).emitWithAck(event, payload)) as Ack<ClientChatEventResults[E]>;
}

/** The data of a successful ack; throws with the error otherwise. */
export async function ok<E extends ClientChatEvent>(socket: ChatClient, event: E, payload: unknown): Promise<ClientChatEventResults[E]> {
  const ack = await call(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

type EventPayload<E extends keyof ChatServerToClientEvents> = Parameters<ChatServerToClientEvents[E]>[0];

/** Every `event` the socket receives from now on. */
export function collect<E extends keyof ChatServerToClientEvents>(socket: ChatClient, event: E): EventPayload<E>[] {
  const seen: EventPayload<E>[] = [];
  socket.on(event as string, (payload: EventPayload<E>) => seen.push(payload));
  return seen;
}

/** The next `event` that satisfies `match`; rejects after `timeoutMs`. */
export function next<E extends keyof ChatServerToClientEvents>(
  socket: ChatClient,
  event: E,
  match: (payload: EventPayload<E>) => boolean = () => true,
  timeoutMs = 8000,
): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const listener = (payload: EventPayload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event as string, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event as string, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event as string, listener);
  });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
