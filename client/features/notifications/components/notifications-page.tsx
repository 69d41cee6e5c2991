// The Notifications page: the whole history with the panel's actions, this person's settings, and for admins a
// form to send one. The unread filter is in the URL, so a reload or a shared link keeps it.
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationList } from './notification-list';
import { NotificationSettingsForm } from './notification-settings-form';
import { SendNotificationForm } from './send-notification-form';
import { UnreadOnlyToggle } from './unread-only-toggle';
import { usePanelStore } from '../stores/panel-store';

export function NotificationsPage({ canSend }: { canSend: boolean }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get('unread') === '1';
  const historyId = useId();
  const settingsId = useId();
  const sendId = useId();
  const setPageShown = usePanelStore((state) => state.setPageShown);
  useEffect(() => {
    setPageShown(true);
    return () => setPageShown(false);
  }, [setPageShown]);

  const setUnreadOnly = (checked: boolean) =>
    setSearchParams(
      (params) => {
        if (checked) params.set('unread', '1');
        else params.delete('unread');
        return params;
      },
      { replace: true },
    );

  return (
    <article className="page notifications-page">
      <title>Notifications · Switchboard</title>
      <header className="page-header">
        <div>
          <h1>Notifications</h1>
          <p className="page-lead">Pushed over Server-Sent Events, resumed after a drop, read state shared by your tabs.</p>
        </div>
      </header>
      <div className="notifications-layout">
        <section className="card notifications-history" aria-labelledby={historyId}>
          <div className="notifications-toolbar">
            <h2 id={historyId}>History</h2>
            <UnreadOnlyToggle checked={unreadOnly} onChange={setUnreadOnly} />
            <MarkAllReadButton />
          </div>
          <NotificationList filter={{ unreadOnly }} label="All notifications" />
        </section>
        <div className="notifications-side">
          <section className="card" aria-labelledby={settingsId}>
            <h2 id={settingsId}>Settings</h2>
            <NotificationSettingsForm />
          </section>
          {canSend && (
            <section className="card" aria-labelledby={sendId}>
              <h2 id={sendId}>Send a notification</h2>
              <SendNotificationForm />
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
