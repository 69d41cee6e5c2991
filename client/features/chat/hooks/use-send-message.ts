// Writing a message puts it in the outbox (shown at once as pending) and starts the sender, which sends it now if
// connected and after the next reconnect otherwise.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { drainOutbox } from '../api/send-outbox';
import { useOutboxStore } from '../stores/outbox-store';

export function useSendMessage(roomId: number, userId: number) {
  const queryClient = useQueryClient();
  const send = useCallback(
    (text: string) => {
      useOutboxStore.getState().add({ clientId: crypto.randomUUID(), userId, roomId, text });
      void drainOutbox(queryClient, userId);
    },
    [queryClient, roomId, userId],
  );
  const retry = useCallback(
    (clientId: string) => {
      useOutboxStore.getState().retry(clientId);
      void drainOutbox(queryClient, userId);
    },
    [queryClient, userId],
  );
  return { send, retry };
}
