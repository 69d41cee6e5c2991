// Keeps this tab's cache in step with the notification stream (heard directly in the leader tab, relayed to the
// others) and turns arrivals into toasts. Server data goes to the query cache only; the toast queue gets ids.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type Notification,
  type NotificationSettings,
} from '../../../../server/contract/notifications';
import { notificationStream } from '../../../shared/realtime/notification-stream';
import { onResumed } from '../../../shared/realtime/on-resumed';
import { readEventCovers } from '../api/notification-pages';
import {
  applyDeleted,
  applyRead,
  receiveNotification,
  refetchNotifications,
  setUnreadCount,
} from '../api/notifications-cache';
import { notificationsKeys } from '../api/notifications-keys';
import { usePanelStore } from '../stores/panel-store';
import { useToastsStore } from '../stores/toasts-store';
import { linkIsShownHere } from './shown-here';

/**
 * Every tab hears every notification, but only a tab on screen shows it as a toast: a background tab's toasts
 * would be stale by the time anyone looked, and the badge already tells. An open panel or the Notifications page
 * shows it in its list (a toast there would also land on the send form of an admin who just broadcast), and a
 * notification that links to the page on screen (a mention in the room being read) is already in view.
 */
function shouldToast(queryClient: QueryClient, notification: Notification): boolean {
  const settings = queryClient.getQueryData<NotificationSettings>(notificationsKeys.settings());
  return (
    (settings?.toasts ?? DEFAULT_NOTIFICATION_SETTINGS.toasts) &&
    notification.read_at === null &&
    document.visibilityState === 'visible' &&
    !usePanelStore.getState().open &&
    !usePanelStore.getState().pageShown &&
    !linkIsShownHere(notification.link, window.location)
  );
}

export function useNotificationStreamSync(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const toasts = useToastsStore.getState();
    const stops = [
      notificationStream.on('notification', (notification) => {
        receiveNotification(queryClient, notification);
        if (shouldToast(queryClient, notification)) toasts.arrive(notification.id);
      }),
      notificationStream.on('read', (event) => {
        applyRead(queryClient, event);
        toasts.forget(readEventCovers(event));
      }),
      notificationStream.on('deleted', ({ ids }) => {
        applyDeleted(queryClient, ids);
        toasts.forget((id) => ids.includes(id));
      }),
      notificationStream.on('unread', ({ count }) => setUnreadCount(queryClient, count)),
      // `read` and `deleted` are not replayed after a drop: read what is shown afresh.
      onResumed(notificationStream, () => void refetchNotifications(queryClient)),
    ];
    return () => {
      for (const stop of stops) stop();
      useToastsStore.getState().clear();
      usePanelStore.getState().setOpen(false);
    };
  }, [queryClient]);
}
