// One toast: a single notification (with its link), or the count of a burst with a way to the list.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useArrival } from '../api/use-arrival';
import { useMarkRead } from '../api/mark-read';
import { useAutoDismiss } from '../hooks/use-auto-dismiss';
import { usePanelStore } from '../stores/panel-store';
import type { Toast } from '../stores/toast-grouping';
import { useToastsStore } from '../stores/toasts-store';
import { LEVEL_LABELS } from './notification-format';

export const TOAST_MS = 6_000;

export function NotificationToast({ toast, id }: { toast: Toast; id: number }) {
  const { data: notification } = useArrival(id);
  const dismiss = useToastsStore((state) => state.dismiss);
  const markRead = useMarkRead();
  const pause = useAutoDismiss(() => dismiss(toast.key), TOAST_MS, toast.key);
  const gone = !notification;

  // Deleted meanwhile: its entry left the cache, and there is nothing left to show.
  useEffect(() => {
    if (gone) dismiss(toast.key);
  }, [gone, dismiss, toast.key]);
  if (!notification) return null;

  const { title, body, link, level } = notification;
  return (
    <div className={`toast level-${level}`} {...pause}>
      <p className="toast-title">
        <span className="visually-hidden">{LEVEL_LABELS[level]}: </span>
        {title}
      </p>
      <DismissButton label={`Dismiss: ${title}`} onClick={() => dismiss(toast.key)} />
      {body && <p className="toast-body">{body}</p>}
      {link && (
        <div className="toast-actions">
          <Link
            className="button button-small"
            to={link}
            onClick={() => {
              markRead.mutate(notification);
              dismiss(toast.key);
            }}
          >
            Open
          </Link>
        </div>
      )}
    </div>
  );
}

function DismissButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-quiet toast-close" aria-label={label} title="Dismiss" onClick={onClick}>
      <span aria-hidden="true">×</span>
    </button>
  );
}

export function GroupToast({ toast }: { toast: Toast }) {
  const dismiss = useToastsStore((state) => state.dismiss);
  const openPanel = usePanelStore((state) => state.setOpen);
  const count = toast.ids.length;
  const pause = useAutoDismiss(() => dismiss(toast.key), TOAST_MS, count);

  return (
    <div className="toast toast-group" {...pause}>
      <p className="toast-title">{count} new notifications</p>
      <DismissButton label={`Dismiss: ${count} new notifications`} onClick={() => dismiss(toast.key)} />
      <div className="toast-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            dismiss(toast.key);
            openPanel(true);
          }}
        >
          Show
        </button>
      </div>
    </div>
  );
}
