// Sends the outbox, oldest first, one message at a time: the next goes only after the previous one's ack, so
// messages arrive in the order written, each stored once (a resend reuses its clientId). A message with no
// answer stays pending and is sent again once the connection is back; an error ack marks it failed.
import type { QueryClient } from '@tanstack/react-query';
import { nextPending, useOutboxStore } from '../stores/outbox-store';
import { chatConnection } from './chat-connection';
import { ChatAckError } from './chat-errors';
import { roomMessagesOptions } from './join-room';
import { storeMessage } from './message-actions';

/** Wait before trying again when the server says too many messages, or did not answer while still connected. */
export const SEND_BACKOFF_MS = 2_000;

let draining = false;
let backoffTimer: ReturnType<typeof setTimeout> | undefined;

const sleepThenDrain = (queryClient: QueryClient, userId: number) => {
  clearTimeout(backoffTimer);
  backoffTimer = setTimeout(() => void drainOutbox(queryClient, userId), SEND_BACKOFF_MS);
};

/** The server only takes messages for rooms this socket has joined: join first (a queue restored after reload). */
async function ensureOpen(queryClient: QueryClient, roomId: number): Promise<void> {
  if (chatConnection.hasJoined(roomId)) return;
  await queryClient.fetchQuery({ ...roomMessagesOptions(queryClient, roomId), staleTime: 0 });
}

export async function drainOutbox(queryClient: QueryClient, userId: number): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (;;) {
      if (!chatConnection.isReady()) return; // resumed by the next reconnect
      const entry = nextPending(useOutboxStore.getState().entries, userId);
      if (!entry) return;
      try {
        await ensureOpen(queryClient, entry.roomId);
        const message = await chatConnection.request('message:send', {
          roomId: entry.roomId,
          clientId: entry.clientId,
          text: entry.text,
        });
        storeMessage(queryClient, message);
        useOutboxStore.getState().remove(entry.clientId);
      } catch (error) {
        if (error instanceof ChatAckError && error.error.code !== 'rate_limited') {
          useOutboxStore.getState().fail(entry.clientId, error.message);
          continue;
        }
        // No answer, or a limit that passes: keep it pending (and everything after it, to keep the order).
        if (chatConnection.isReady()) sleepThenDrain(queryClient, userId);
        return;
      }
    }
  } finally {
    draining = false;
  }
}
