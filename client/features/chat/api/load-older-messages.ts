// Scrollback over REST: the page just before the oldest message held, merged into the room's cache.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessagePage } from '../../../../server/contract/chat';
import { api } from '../../../shared/api/api-client';
import { chatKeys } from './chat-keys';
import { withOlderPage, type RoomMessages } from './messages-cache';

export const OLDER_PAGE_SIZE = 50;

export const getOlderMessages = (roomId: number, before: number): Promise<MessagePage> =>
  api.get<MessagePage>(`/api/rooms/${roomId}/messages?before=${before}&limit=${OLDER_PAGE_SIZE}`);

export function useLoadOlderMessages(roomId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const oldest = queryClient.getQueryData<RoomMessages>(chatKeys.messages(roomId))?.messages[0];
      if (!oldest) return;
      const page = await getOlderMessages(roomId, oldest.seq);
      queryClient.setQueryData<RoomMessages>(chatKeys.messages(roomId), (data) =>
        withOlderPage(data, page.data, page.meta.has_more),
      );
    },
  });
}
