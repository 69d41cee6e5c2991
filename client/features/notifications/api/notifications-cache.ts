// Applies pushed events and this tab's own changes to everything cached about notifications: every list (all and
// unread-only, however many pages are loaded), the unread count and the arrivals that toasts show.
import type { QueryClient } from '@tanstack/react-query';
import type { Notification, ReadEvent, UnreadCount } from '../../../../server/contract/notifications';
import {
  insertNotification,
  markReadInPages,
  readEventCovers,
  removeFromPages,
  type NotificationPages,
} from './notification-pages';
import { filterOfListKey, notificationsKeys, type ListFilter } from './notifications-keys';

type ListUpdate = (data: NotificationPages, filter: ListFilter) => NotificationPages;

/** Runs `update` on every cached list; writes back only the lists that changed. */
export function updateCachedLists(queryClient: QueryClient, update: ListUpdate): void {
  for (const [key, data] of queryClient.getQueriesData<NotificationPages>({ queryKey: notificationsKeys.lists() })) {
    if (!data) continue;
    const next = update(data, filterOfListKey(key));
    if (next !== data) queryClient.setQueryData<NotificationPages>(key, next);
  }
}

export function cachedArrivals(queryClient: QueryClient): Notification[] {
  return queryClient
    .getQueriesData<Notification>({ queryKey: notificationsKeys.arrivals() })
    .flatMap(([, notification]) => (notification ? [notification] : []));
}

/** Every cached copy of a notification: lists and arrivals. */
function cachedCopies(queryClient: QueryClient, id: number): Notification[] {
  const inLists = queryClient
    .getQueriesData<NotificationPages>({ queryKey: notificationsKeys.lists() })
    .flatMap(([, data]) => data?.pages.flatMap((page) => page.data.filter((item) => item.id === id)) ?? []);
  const arrival = queryClient.getQueryData<Notification>(notificationsKeys.arrival(id));
  return arrival ? [...inLists, arrival] : inLists;
}

export function isCachedUnread(queryClient: QueryClient, id: number): boolean {
  return cachedCopies(queryClient, id).some((item) => item.read_at === null);
}

/** The newest notification id this tab knows of. */
export function newestCachedId(queryClient: QueryClient): number {
  const lists = queryClient.getQueriesData<NotificationPages>({ queryKey: notificationsKeys.lists() });
  const ids = [...lists.map(([, data]) => data?.pages[0]?.data[0]?.id ?? 0), ...cachedArrivals(queryClient).map((item) => item.id)];
  return Math.max(0, ...ids);
}

export function receiveNotification(queryClient: QueryClient, notification: Notification): void {
  queryClient.setQueryData(notificationsKeys.arrival(notification.id), notification);
  updateCachedLists(queryClient, (data, filter) => insertNotification(data, notification, filter));
}

/** `readAt` is the client's clock: the event does not say when, and only read versus unread is shown exactly. */
export function applyRead(queryClient: QueryClient, event: ReadEvent, readAt = Date.now()): void {
  const covers = readEventCovers(event);
  updateCachedLists(queryClient, (data) => markReadInPages(data, covers, readAt));
  for (const arrival of cachedArrivals(queryClient)) {
    if (arrival.read_at === null && covers(arrival.id)) {
      queryClient.setQueryData(notificationsKeys.arrival(arrival.id), { ...arrival, read_at: readAt });
    }
  }
}

export function applyDeleted(queryClient: QueryClient, ids: readonly number[]): void {
  const gone = new Set(ids);
  updateCachedLists(queryClient, (data) => removeFromPages(data, gone));
  for (const id of ids) queryClient.removeQueries({ queryKey: notificationsKeys.arrival(id), exact: true });
}

export function setUnreadCount(queryClient: QueryClient, count: number): void {
  queryClient.setQueryData<UnreadCount>(notificationsKeys.unreadCount(), { count: Math.max(0, count) });
}

/** An optimistic change to the badge; the server's next `unread` event has the last word. */
export function adjustUnreadCount(queryClient: QueryClient, delta: number): void {
  const cached = queryClient.getQueryData<UnreadCount>(notificationsKeys.unreadCount());
  if (cached) setUnreadCount(queryClient, cached.count + delta);
}

/** After a failed change, or a stream that was down: read lists and count afresh. */
export async function refetchNotifications(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: notificationsKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: notificationsKeys.unreadCount() }),
  ]);
}
