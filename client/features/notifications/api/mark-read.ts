// Marks one notification read. The item and the badge change at once; the server then tells every tab and device
// (`read`, then `unread` with the true count). On failure, lists and count are read afresh.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { adjustUnreadCount, applyRead, isCachedUnread, refetchNotifications } from './notifications-cache';
import { notificationsKeys } from './notifications-keys';

export const markRead = (id: number): Promise<void> => api.post<void>(`/api/notifications/${id}/read`);

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: notificationsKeys.markRead(),
    mutationFn: (notification: Notification) => markRead(notification.id),
    onMutate: (notification) => {
      if (isCachedUnread(queryClient, notification.id)) adjustUnreadCount(queryClient, -1);
      applyRead(queryClient, { ids: [notification.id] });
    },
    onError: () => refetchNotifications(queryClient),
  });
}
