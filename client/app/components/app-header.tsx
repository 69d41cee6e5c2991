import { Link } from 'react-router';
import type { User } from '../../../server/contract/auth';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { SignedInUser } from '../../features/auth/components/signed-in-user';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { ConnectionStatus } from '../../shared/connection/connection-status';
import { ThemeToggle } from '../../shared/theme/theme-toggle';
import { MainNav } from './main-nav';

export function AppHeader({ user }: { user: User }) {
  return (
    <header className="app-header">
      <div className="app-header-row">
        <Link className="brand" to="/data">
          <span className="brand-mark" aria-hidden="true" />
          Switchboard
        </Link>
        <MainNav />
        <div className="app-header-account">
          <NotificationBell />
          <SignedInUser user={user} />
          <SignOutButton />
        </div>
      </div>
      <div className="app-header-row app-header-subbar">
        <ConnectionStatus />
        <ThemeToggle />
      </div>
    </header>
  );
}
