import { Outlet } from 'react-router';
import type { User } from '../../../server/contract/auth';
import { useSessionSocket } from '../realtime/use-session-socket';
import { AppHeader } from './app-header';

/** The signed-in frame. It only exists while someone is signed in, which is also when the socket is open. */
export function AppShell({ user }: { user: User }) {
  useSessionSocket();

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader user={user} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
