// Deletes one notification: it leaves every list at once, and every other tab and device when the server's
// `deleted` event arrives. On failure, lists and count are read afresh.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { adjustUnreadCount, applyDeleted, isCachedUnread, refetchNotifications } from './notifications-cache';
import { notificationsKeys } from './notifications-keys';

export const deleteNotification = (id: number): Promise<void> => api.delete(`/api/notifications/${id}`);

export function useDeleteNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: notificationsKeys.remove(),
    mutationFn: (notification: Notification) => deleteNotification(notification.id),
    onMutate: (notification) => {
      if (isCachedUnread(queryClient, notification.id)) adjustUnreadCount(queryClient, -1);
      applyDeleted(queryClient, [notification.id]);
    },
    onError: () => refetchNotifications(queryClient),
  });
}
