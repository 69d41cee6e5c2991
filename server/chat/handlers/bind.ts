// Wires one handler to one client event. Everything a client sends is untrusted: the payload is checked against
// the contract's schema before the handler sees it, the ack may be missing or not a function, and a handler that
// throws answers with an error ack (and a log line for anything unexpected) instead of taking the socket, the
// namespace or the process down.
import { Compile } from 'typebox/compile';
import type { FastifyBaseLogger } from 'fastify';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import {
  CLIENT_CHAT_SCHEMAS,
  type Ack,
  type ChatClientToServerEvents,
  type ChatErrorCode,
  type ChatServerToClientEvents,
  type ClientChatEvent,
  type ClientChatEventPayloads,
  type ClientChatEventResults,
} from '../../contract/chat.js';
import { ApiError } from '../../http/problem.js';
import type { SocketData } from '../../plugins/socket-io.js';

export type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, DefaultEventsMap, SocketData>;
export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, DefaultEventsMap, SocketData>;

/** Validated input in, `reply` to acknowledge (first call wins); broadcasts go after `reply`. */
export type ChatHandler<E extends ClientChatEvent> = (
  socket: ChatSocket,
  payload: ClientChatEventPayloads[E],
  reply: (data: ClientChatEventResults[E]) => void,
) => Promise<void>;

export const roomKey = (roomId: number) => `room:${roomId}`;
export const userKey = (userId: number) => `user:${userId}`;

const ACK_CODES: ReadonlySet<string> = new Set<ChatErrorCode>(['validation_failed', 'not_found', 'forbidden', 'conflict', 'rate_limited']);

const validators = Object.fromEntries(
  Object.entries(CLIENT_CHAT_SCHEMAS).map(([event, schema]) => [event, Compile(schema)]),
) as { [E in ClientChatEvent]: ReturnType<typeof Compile> };

function firstProblem(event: ClientChatEvent, payload: unknown): string {
  const [issue] = validators[event].Errors(payload);
  if (!issue) return `The ${event} payload is not valid.`;
  const where = issue.instancePath ? `payload${issue.instancePath.replaceAll('/', '.')}` : 'payload';
  return `${where} ${issue.message}`;
}

export function bind<E extends ClientChatEvent>(socket: ChatSocket, event: E, handler: ChatHandler<E>, log: FastifyBaseLogger): void {
  const listener = (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: Ack<ClientChatEventResults[E]>) => void) : undefined;
    let answered = false;
    const respond = (response: Ack<ClientChatEventResults[E]>) => {
      if (answered) return;
      answered = true;
      ack?.(response);
    };
    const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
    if (!validators[event].Check(payload)) {
      respond({ ok: false, error: { code: 'validation_failed', message: firstProblem(event, payload) } });
      return;
    }
    handler(socket, payload as ClientChatEventPayloads[E], (data) => respond({ ok: true, data })).catch((error: unknown) => {
      if (error instanceof ApiError && ACK_CODES.has(error.code)) {
        respond({ ok: false, error: { code: error.code as ChatErrorCode, message: error.detail } });
        return;
      }
      if (error instanceof ApiError && error.statusCode < 500) {
        respond({ ok: false, error: { code: 'validation_failed', message: error.detail } });
        return;
      }
      log.error({ err: error, event, userId: socket.data.user.id }, 'chat handler failed');
      respond({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side.' } });
    });
  };
  // The listener takes unknown arguments on purpose: the event map says what a well-behaved client sends, not what
  // arrives, so the socket is addressed through its untyped face here and nowhere else.
  (socket as unknown as Socket).on(event as string, listener);
}
