// Notifications and cached lists for unit tests.
import type { Notification, NotificationList } from '../../../../server/contract/notifications';
import type { NotificationPages } from './notification-pages';

export function notification(id: number, changes: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'broadcast',
    title: `Notification ${id}`,
    body: '',
    link: null,
    level: 'info',
    created_at: 1_700_000_000_000 + id,
    read_at: null,
    ...changes,
  };
}

export function page(items: Notification[], hasMore = false): NotificationList {
  return {
    data: items,
    meta: { limit: 20, has_more: hasMore, next_cursor: hasMore ? String(items.at(-1)?.id ?? '') : null },
  };
}

/** Pages of ids, newest first: `pages([5, 4], [3])`. The last page has no more after it. */
export function pages(...idPages: number[][]): NotificationPages {
  return {
    pages: idPages.map((ids, i) => page(ids.map((id) => notification(id)), i < idPages.length - 1)),
    pageParams: idPages.map((_, i) => (i === 0 ? null : String(idPages[i - 1]?.at(-1)))),
  };
}

export const idsOf = (data: NotificationPages | undefined): number[][] =>
  data?.pages.map((p) => p.data.map((item) => item.id)) ?? [];
