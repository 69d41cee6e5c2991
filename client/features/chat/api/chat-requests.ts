// Sending over the chat socket. Socket.IO's own offline buffer is never used: a request refuses to emit unless
// connected, so the outbox (which survives a reload) is the one place a message waits.
import type { Socket } from 'socket.io-client';
import type { Ack, ClientChatEvent, ClientChatEventPayloads, ClientChatEventResults } from '../../../../server/contract/chat';
import { ACK_TIMEOUT_MS, ChatAckError, ChatUnreachableError } from './chat-errors';

// The event map's optional ack does not survive Socket.IO's timeout typing: the socket is addressed untyped here,
// and the contract types the answers.
export function createChatRequests(currentSocket: () => Socket | undefined, ready: () => boolean) {
  return {
    /** Emits with an ack and a timeout; never buffers while disconnected. */
    async request<E extends ClientChatEvent>(
      event: E,
      payload: ClientChatEventPayloads[E],
      timeoutMs = ACK_TIMEOUT_MS,
    ): Promise<ClientChatEventResults[E]> {
      const socket = currentSocket();
      if (!socket || !ready()) throw new ChatUnreachableError('Not connected to chat.');
      let ack: Ack<ClientChatEventResults[E]>;
      try {
        ack = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as typeof ack;
      } catch {
        throw new ChatUnreachableError('No answer from the chat server.');
      }
      if (!ack.ok) throw new ChatAckError(ack.error);
      return ack.data;
    },
    /** Fire and forget, dropped rather than queued when not connected (typing indicators). */
    volatile<E extends ClientChatEvent>(event: E, payload: ClientChatEventPayloads[E]): void {
      const socket = currentSocket();
      if (socket && ready()) socket.volatile.emit(event, payload);
    },
  };
}
