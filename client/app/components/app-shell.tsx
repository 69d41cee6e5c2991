import { Outlet } from 'react-router';
import type { User } from '../../../server/contract/auth';
import { NotificationToasts } from '../../features/notifications/components/notification-toasts';
import { useNotificationStreamSync } from '../../features/notifications/hooks/use-notification-stream-sync';
import { useSessionNotificationStream } from '../realtime/use-session-notification-stream';
import { useSessionSocket } from '../realtime/use-session-socket';
import { AppHeader } from './app-header';

/**
 * The signed-in frame. It only exists while someone is signed in, which is also when the socket and the
 * notification stream are open.
 */
export function AppShell({ user }: { user: User }) {
  useSessionSocket();
  useNotificationStreamSync();
  useSessionNotificationStream();

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader user={user} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <NotificationToasts />
    </div>
  );
}
