// The list shared by the bell's panel and the page: newest first, older pages loaded while scrolling (or with the
// button), and the item actions. After an action takes its button away, the focus goes to the item or the list
// instead of being lost.
import { useRef } from 'react';
import type { Notification } from '../../../../server/contract/notifications';
import { describeError } from '../../../shared/api/describe-error';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { useDeleteNotification } from '../api/delete-notification';
import { useNotificationsList } from '../api/list-notifications';
import { useMarkRead } from '../api/mark-read';
import type { ListFilter } from '../api/notifications-keys';
import { useNow } from '../hooks/use-now';
import { LoadMore } from './load-more';
import { NotificationItem } from './notification-item';

interface NotificationListProps {
  filter: ListFilter;
  label: string;
  /** A link in the list was followed (the panel closes). */
  onNavigate?: () => void;
}

export function NotificationList({ filter, label, onNavigate }: NotificationListProps) {
  const query = useNotificationsList(filter);
  const markRead = useMarkRead();
  const remove = useDeleteNotification();
  const listRef = useRef<HTMLUListElement>(null);
  const now = useNow(30_000);

  if (query.isPending) return <Spinner label="Loading notifications…" />;
  if (query.isError) {
    const retry = () => void query.refetch();
    return <ErrorPanel title="Notifications could not be loaded" error={query.error} onRetry={retry} />;
  }

  const items = query.data.pages.flatMap((page) => page.data);
  const failed = remove.isError ? remove.error : markRead.isError ? markRead.error : null;
  const itemElement = (id: number) => listRef.current?.querySelector<HTMLElement>(`[data-notification-id="${id}"]`);

  const open = (notification: Notification) => {
    if (notification.read_at === null) markRead.mutate(notification);
    onNavigate?.();
  };
  const markOne = (notification: Notification) => {
    itemElement(notification.id)?.focus();
    markRead.mutate(notification);
  };
  const deleteOne = (notification: Notification) => {
    listRef.current?.focus();
    remove.mutate(notification);
  };

  return (
    <div className="notification-list-frame">
      {failed && (
        <p className="inline-error" role="alert">
          That did not work: {describeError(failed)}
        </p>
      )}
      {items.length === 0 ? (
        <p className="notification-empty">{filter.unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</p>
      ) : (
        <ul ref={listRef} className="notification-list" aria-label={label} tabIndex={-1}>
          {items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              now={now}
              onOpen={open}
              onMarkRead={markOne}
              onDelete={deleteOne}
            />
          ))}
        </ul>
      )}
      <LoadMore query={query} />
    </div>
  );
}
