// The bell's panel: a non-modal dialog that takes the focus when it opens, so its heading is announced and Tab
// continues inside it. Following a link closes it.
import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { usePanelStore } from '../stores/panel-store';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationList } from './notification-list';
import { UnreadOnlyToggle } from './unread-only-toggle';

interface NotificationsPanelProps {
  id: string;
  onClose: (returnFocus: boolean) => void;
}

export function NotificationsPanel({ id, onClose }: NotificationsPanelProps) {
  const unreadOnly = usePanelStore((state) => state.unreadOnly);
  const setUnreadOnly = usePanelStore((state) => state.setUnreadOnly);
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div id={id} ref={ref} className="notifications-panel" role="dialog" aria-labelledby={headingId} tabIndex={-1}>
      {/* Plain boxes, not header/footer: inside the page's banner those would be landmarks of their own. */}
      <div className="notifications-panel-header">
        <h2 id={headingId}>Notifications</h2>
        <MarkAllReadButton />
      </div>
      <div className="notifications-panel-filter">
        <UnreadOnlyToggle checked={unreadOnly} onChange={setUnreadOnly} />
      </div>
      <div className="notifications-panel-body">
        <NotificationList filter={{ unreadOnly }} label="Latest notifications" onNavigate={() => onClose(false)} />
      </div>
      <div className="notifications-panel-footer">
        <Link to="/notifications" onClick={() => onClose(false)}>
          All notifications and settings
        </Link>
      </div>
    </div>
  );
}
