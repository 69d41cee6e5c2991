// The header's bell: the unread count as a badge, and a panel with the latest notifications. The button says
// whether the panel is open (aria-expanded) and its name carries the count, which the badge only repeats.
import { useCallback, useId, useRef } from 'react';
import { useUnreadCount } from '../api/get-unread-count';
import { useDismissable } from '../hooks/use-dismissable';
import { usePanelStore } from '../stores/panel-store';
import { BellIcon } from './bell-icon';
import { formatBadge, unreadLabel } from './notification-format';
import { NotificationsPanel } from './notifications-panel';

export function NotificationBell() {
  const unread = useUnreadCount().data?.count ?? 0;
  const open = usePanelStore((state) => state.open);
  const setOpen = usePanelStore((state) => state.setOpen);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = useCallback(
    (returnFocus: boolean) => {
      setOpen(false);
      if (returnFocus) buttonRef.current?.focus();
    },
    [setOpen],
  );
  useDismissable(open, rootRef, close);

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-label={unreadLabel(unread)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-badge" aria-hidden="true">
            {formatBadge(unread)}
          </span>
        )}
      </button>
      {open && <NotificationsPanel id={panelId} onClose={close} />}
    </div>
  );
}
