// Marks every notification read. Locally only those this tab knows of change: one arriving while the request is
// on its way may still be unread on the server, and the `read` event that follows says exactly up to which id.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReadAllResult } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { applyRead, newestCachedId, refetchNotifications, setUnreadCount } from './notifications-cache';
import { notificationsKeys } from './notifications-keys';

export const markAllRead = (): Promise<ReadAllResult> => api.post<ReadAllResult>('/api/notifications/read-all');

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: notificationsKeys.markAllRead(),
    mutationFn: markAllRead,
    onMutate: () => {
      applyRead(queryClient, { all: true, up_to: newestCachedId(queryClient) });
      setUnreadCount(queryClient, 0);
    },
    onError: () => refetchNotifications(queryClient),
  });
}
