import { describe, expect, it } from 'vitest';
import { notificationsListOptions } from './list-notifications';
import { filterOfListKey, notificationsKeys } from './notifications-keys';
import { unreadCountQueryOptions } from './get-unread-count';

describe('notification query keys', () => {
  it('nests every key under the notifications root so one invalidation reaches them all', () => {
    const keys = [
      notificationsKeys.list({ unreadOnly: true }),
      notificationsKeys.unreadCount(),
      notificationsKeys.arrival(3),
      notificationsKeys.settings(),
      notificationsKeys.send(),
    ];
    for (const key of keys) expect(key.slice(0, 1)).toEqual([...notificationsKeys.all]);
    expect(notificationsKeys.list({ unreadOnly: false }).slice(0, 2)).toEqual([...notificationsKeys.lists()]);
    expect(notificationsKeys.arrival(3).slice(0, 2)).toEqual([...notificationsKeys.arrivals()]);
  });

  it('reads the filter back from a list key', () => {
    expect(filterOfListKey(notificationsKeys.list({ unreadOnly: true }))).toEqual({ unreadOnly: true });
    expect(filterOfListKey(notificationsKeys.list({ unreadOnly: false }))).toEqual({ unreadOnly: false });
    expect(filterOfListKey(notificationsKeys.unreadCount())).toEqual({ unreadOnly: false });
  });

  it('uses the factory in the query options', () => {
    expect(notificationsListOptions({ unreadOnly: true }).queryKey).toEqual(notificationsKeys.list({ unreadOnly: true }));
    expect(unreadCountQueryOptions().queryKey).toEqual(notificationsKeys.unreadCount());
  });
});
