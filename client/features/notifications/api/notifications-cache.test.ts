import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { UnreadCount } from '../../../../server/contract/notifications';
import { idsOf, notification, pages } from './notification-fixtures';
import type { NotificationPages } from './notification-pages';
import {
  adjustUnreadCount,
  applyDeleted,
  applyRead,
  cachedArrivals,
  isCachedUnread,
  newestCachedId,
  receiveNotification,
  setUnreadCount,
} from './notifications-cache';
import { notificationsKeys } from './notifications-keys';

const allKey = notificationsKeys.list({ unreadOnly: false });
const unreadKey = notificationsKeys.list({ unreadOnly: true });

function setup() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(allKey, pages([5, 4], [3]));
  queryClient.setQueryData(unreadKey, pages([5, 3]));
  queryClient.setQueryData<UnreadCount>(notificationsKeys.unreadCount(), { count: 2 });
  const list = (key: typeof allKey) => queryClient.getQueryData<NotificationPages>(key);
  const count = () => queryClient.getQueryData<UnreadCount>(notificationsKeys.unreadCount())?.count;
  return { queryClient, list, count };
}

describe('notifications cache', () => {
  it('puts a pushed notification into every list once, and keeps it for toasts', () => {
    const { queryClient, list } = setup();
    receiveNotification(queryClient, notification(6));
    receiveNotification(queryClient, notification(6));
    expect(idsOf(list(allKey))).toEqual([[6, 5, 4], [3]]);
    expect(idsOf(list(unreadKey))).toEqual([[6, 5, 3]]);
    expect(cachedArrivals(queryClient).map((item) => item.id)).toEqual([6]);
    expect(newestCachedId(queryClient)).toBe(6);
  });

  it('applies a read event to every list and to arrivals', () => {
    const { queryClient, list } = setup();
    receiveNotification(queryClient, notification(6));
    applyRead(queryClient, { all: true, up_to: 5 }, 42);
    expect(list(allKey)?.pages[0]?.data.map((item) => item.read_at)).toEqual([null, 42, 42]);
    expect(list(unreadKey)?.pages[0]?.data.map((item) => item.read_at)).toEqual([null, 42, 42]);
    expect(isCachedUnread(queryClient, 6)).toBe(true);
    expect(isCachedUnread(queryClient, 5)).toBe(false);
    applyRead(queryClient, { ids: [6] }, 43);
    expect(queryClient.getQueryData(notificationsKeys.arrival(6))).toMatchObject({ read_at: 43 });
  });

  it('removes deleted notifications everywhere, arrivals included', () => {
    const { queryClient, list } = setup();
    receiveNotification(queryClient, notification(6));
    applyDeleted(queryClient, [6, 3]);
    expect(idsOf(list(allKey))).toEqual([[5, 4], []]);
    expect(idsOf(list(unreadKey))).toEqual([[5]]);
    expect(cachedArrivals(queryClient)).toEqual([]);
  });

  it('sets the unread count from the server and adjusts it optimistically, never below zero', () => {
    const { queryClient, count } = setup();
    setUnreadCount(queryClient, 7);
    expect(count()).toBe(7);
    adjustUnreadCount(queryClient, -1);
    expect(count()).toBe(6);
    setUnreadCount(queryClient, 0);
    adjustUnreadCount(queryClient, -1);
    expect(count()).toBe(0);
  });

  it('leaves an unloaded count alone rather than inventing one', () => {
    const queryClient = new QueryClient();
    adjustUnreadCount(queryClient, -1);
    expect(queryClient.getQueryData(notificationsKeys.unreadCount())).toBeUndefined();
  });
});
