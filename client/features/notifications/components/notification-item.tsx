// One notification in the panel or on the page. Following its link marks it read; the buttons name the
// notification they act on, since a screen reader lists many "Delete" buttons otherwise.
import { useId } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../../../../server/contract/notifications';
import { formatAge, formatDateTime, LEVEL_LABELS } from './notification-format';

interface NotificationItemProps {
  notification: Notification;
  now: number;
  /** The link was followed. */
  onOpen: (notification: Notification) => void;
  onMarkRead: (notification: Notification) => void;
  onDelete: (notification: Notification) => void;
}

export function NotificationItem({ notification, now, onOpen, onMarkRead, onDelete }: NotificationItemProps) {
  const titleId = useId();
  const { id, title, body, link, level, created_at: createdAt } = notification;
  const unread = notification.read_at === null;

  return (
    <li
      className={`notification-item level-${level}${unread ? ' is-unread' : ''}`}
      aria-labelledby={titleId}
      data-notification-id={id}
      tabIndex={-1}
    >
      <p className="notification-title" id={titleId}>
        {link ? (
          <Link to={link} onClick={() => onOpen(notification)}>
            {title}
          </Link>
        ) : (
          title
        )}
        {unread && <span className="visually-hidden"> (unread)</span>}
      </p>
      {body && <p className="notification-body">{body}</p>}
      <div className="notification-footer">
        <p className="notification-meta">
          <span className="notification-level">{LEVEL_LABELS[level]}</span>
          <time dateTime={new Date(createdAt).toISOString()} title={formatDateTime(createdAt)}>
            {formatAge(createdAt, now)}
          </time>
        </p>
        <div className="notification-actions">
          {unread && (
            <button
              type="button"
              className="button button-small"
              aria-label={`Mark read: ${title}`}
              onClick={() => onMarkRead(notification)}
            >
              Mark read
            </button>
          )}
          <button
            type="button"
            className="button button-small button-quiet button-danger-quiet"
            aria-label={`Delete: ${title}`}
            onClick={() => onDelete(notification)}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
