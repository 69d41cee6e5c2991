// The two ways a chat request over the socket fails: the server said no, or nobody answered.
import type { ChatError } from '../../../../server/contract/chat';

export const ACK_TIMEOUT_MS = 10_000;

/** The server answered with an error ack. */
export class ChatAckError extends Error {
  override readonly name = 'ChatAckError';
  constructor(readonly error: ChatError) {
    super(error.message);
  }
}

/** No answer: not connected, disconnected meanwhile, or no ack in time. The request may or may not have landed. */
export class ChatUnreachableError extends Error {
  override readonly name = 'ChatUnreachableError';
}
