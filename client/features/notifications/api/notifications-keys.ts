// Query and mutation keys for everything under /api/notifications, built in one place so that pushed events and
// mutations reach every cached list, and invalidation cannot drift from use.
import type { QueryKey } from '@tanstack/react-query';

export interface ListFilter {
  unreadOnly: boolean;
}

export const notificationsKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationsKeys.all, 'list'] as const,
  list: (filter: ListFilter) => [...notificationsKeys.lists(), filter] as const,
  unreadCount: () => [...notificationsKeys.all, 'unread-count'] as const,
  /** Notifications that arrived on the stream, one entry each: toasts read them from here. */
  arrivals: () => [...notificationsKeys.all, 'arrival'] as const,
  arrival: (id: number) => [...notificationsKeys.arrivals(), id] as const,
  settings: () => [...notificationsKeys.all, 'settings'] as const,
  /** Mutation keys. */
  markRead: () => [...notificationsKeys.all, 'mark-read'] as const,
  markAllRead: () => [...notificationsKeys.all, 'mark-all-read'] as const,
  remove: () => [...notificationsKeys.all, 'remove'] as const,
  saveSettings: () => [...notificationsKeys.all, 'save-settings'] as const,
  send: () => [...notificationsKeys.all, 'send'] as const,
};

/** The filter stored in a list key, for code that walks every cached list. */
export function filterOfListKey(queryKey: QueryKey): ListFilter {
  const filter = queryKey[2];
  return typeof filter === 'object' && filter !== null && 'unreadOnly' in filter && filter.unreadOnly === true
    ? { unreadOnly: true }
    : { unreadOnly: false };
}
