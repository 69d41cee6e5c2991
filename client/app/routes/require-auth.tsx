import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { User } from '../../../server/contract/auth';
import { useMe } from '../../features/auth/api/get-me';
import { ErrorPanel } from '../../shared/components/error-panel';
import { FullPageSpinner } from '../../shared/components/full-page-spinner';
import { signInPathFor } from '../../shared/navigation/safe-return-path';

interface RequireAuthProps {
  children: (user: User) => ReactNode;
}

/** Renders the signed-in app for a user, or sends a visitor to sign in and back here afterwards. */
export function RequireAuth({ children }: RequireAuthProps) {
  const me = useMe();
  const { pathname, search, hash } = useLocation();

  // A user already known stays in the app even if a background re-check fails (e.g. a network blip).
  if (me.data) return children(me.data);
  if (me.data === null) return <Navigate to={signInPathFor(`${pathname}${search}${hash}`)} replace />;
  if (me.isError) {
    return (
      <main className="full-page-center">
        <ErrorPanel title="Switchboard cannot check your session" error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return <FullPageSpinner label="Checking your session…" />;
}
