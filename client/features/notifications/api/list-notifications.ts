// The signed-in user's notifications, newest first, in keyset pages loaded as the person scrolls. New ones arrive
// on the stream and are put in front of the first page; the cursor walk below them is unaffected.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationList } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { withArrivals } from './notification-pages';
import { cachedArrivals } from './notifications-cache';
import { notificationsKeys, type ListFilter } from './notifications-keys';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export function listNotifications(filter: ListFilter, cursor: string | null, signal?: AbortSignal): Promise<NotificationList> {
  const search = new URLSearchParams({ limit: String(NOTIFICATIONS_PAGE_SIZE) });
  if (cursor !== null) search.set('cursor', cursor);
  if (filter.unreadOnly) search.set('unread', 'true');
  return api.get<NotificationList>(`/api/notifications?${search.toString()}`, signal);
}

export const notificationsListOptions = (filter: ListFilter) =>
  infiniteQueryOptions({
    queryKey: notificationsKeys.list(filter),
    queryFn: async ({ pageParam, signal, client }) => {
      const page = await listNotifications(filter, pageParam, signal);
      // Whatever was pushed while this page was on its way is not in it; writing the page over the cache would
      // take those notifications off the screen again.
      return pageParam === null ? withArrivals(page, cachedArrivals(client), filter) : page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.meta.next_cursor,
  });

export const useNotificationsList = (filter: ListFilter) => useInfiniteQuery(notificationsListOptions(filter));
