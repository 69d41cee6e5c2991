// Pure updates of one cached list (its loaded pages, newest first). Each returns the same object when nothing
// changed, so unchanged lists are not written back and nothing re-renders for them.
import type { InfiniteData } from '@tanstack/react-query';
import type { Notification, NotificationList, ReadEvent } from '../../../../server/contract/notifications';
import type { ListFilter } from './notifications-keys';

export type NotificationPages = InfiniteData<NotificationList, string | null>;

const belongs = (notification: Notification, filter: ListFilter) => !filter.unreadOnly || notification.read_at === null;

export function containsNotification(data: NotificationPages, id: number): boolean {
  return data.pages.some((page) => page.data.some((item) => item.id === id));
}

/**
 * Puts a pushed notification into the first page, in id order. A replay after a reconnect, a second tab or a
 * refetch may bring the same notification again: it is added once only.
 */
export function insertNotification(
  data: NotificationPages,
  notification: Notification,
  filter: ListFilter,
): NotificationPages {
  const [first, ...rest] = data.pages;
  if (!first || !belongs(notification, filter) || containsNotification(data, notification.id)) return data;
  const at = first.data.findIndex((item) => item.id < notification.id);
  // Older than the whole first page, with more pages behind it: it belongs to a page further down, which will
  // bring it when loaded.
  if (at === -1 && first.meta.has_more) return data;
  const items = [...first.data];
  items.splice(at === -1 ? items.length : at, 0, notification);
  return { ...data, pages: [{ ...first, data: items }, ...rest] };
}

/** Which notification ids a `read` event covers. */
export function readEventCovers(event: ReadEvent): (id: number) => boolean {
  if ('all' in event) return (id) => id <= event.up_to;
  const ids = new Set(event.ids);
  return (id) => ids.has(id);
}

/**
 * Marks matching notifications read. In an unread-only list they stay until the next fetch: items vanishing under
 * the pointer, or taking the focused button with them, would be worse than a read item in an unread list.
 */
export function markReadInPages(data: NotificationPages, covers: (id: number) => boolean, readAt: number): NotificationPages {
  const unreadCovered = (item: Notification) => item.read_at === null && covers(item.id);
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.data.some(unreadCovered)) return page;
    changed = true;
    const data = page.data.map((item) => (unreadCovered(item) ? { ...item, read_at: readAt } : item));
    return { ...page, data };
  });
  return changed ? { ...data, pages } : data;
}

export function removeFromPages(data: NotificationPages, ids: ReadonlySet<number>): NotificationPages {
  if (!data.pages.some((page) => page.data.some((item) => ids.has(item.id)))) return data;
  const pages = data.pages.map((page) => ({ ...page, data: page.data.filter((item) => !ids.has(item.id)) }));
  return { ...data, pages };
}

/**
 * A freshly read first page misses what was pushed while it was being read, and replacing the cached list with it
 * drops those from the screen. Adds back the pushed notifications newer than everything on the page.
 */
export function withArrivals(
  page: NotificationList,
  arrivals: readonly Notification[],
  filter: ListFilter,
): NotificationList {
  const newest = page.data[0]?.id ?? 0;
  const missing = arrivals.filter((item) => item.id > newest && belongs(item, filter)).sort((a, b) => b.id - a.id);
  return missing.length === 0 ? page : { ...page, data: [...missing, ...page.data] };
}
