// Editing and deleting a message are acked socket calls; the answer (and the broadcast) replaces the message.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Message } from '../../../../server/contract/chat';
import { chatConnection } from './chat-connection';
import { chatKeys } from './chat-keys';
import { withMessages, type RoomMessages } from './messages-cache';

export function storeMessage(queryClient: QueryClient, message: Message): void {
  queryClient.setQueryData<RoomMessages>(chatKeys.messages(message.room_id), (data) => withMessages(data, [message]));
}

export const editMessage = (input: { messageId: number; text: string }) => chatConnection.request('message:edit', input);
export const deleteMessage = (messageId: number) => chatConnection.request('message:delete', { messageId });

export function useEditMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: chatKeys.edit(),
    mutationFn: editMessage,
    onSuccess: (message) => storeMessage(queryClient, message),
  });
}

export function useDeleteMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: chatKeys.remove(),
    mutationFn: deleteMessage,
    onSuccess: (message) => storeMessage(queryClient, message),
  });
}
