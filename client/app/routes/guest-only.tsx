// Sign-in and registration are for visitors. Once `me` holds a user (already signed in, or the form just
// succeeded) this guard moves on to the return path, so the forms never navigate themselves.
import { Navigate, Outlet, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { FullPageSpinner } from '../../shared/components/full-page-spinner';
import { RETURN_TO_PARAM } from '../../shared/navigation/safe-return-path';
import { afterSignInPath } from './auth-paths';

export function GuestOnly() {
  const me = useMe();
  const [searchParams] = useSearchParams();

  if (me.data) return <Navigate to={afterSignInPath(searchParams.get(RETURN_TO_PARAM))} replace />;
  // A failed session check still shows the form: submitting it reports the connection problem in place.
  if (me.isPending) return <FullPageSpinner label="Checking your session…" />;
  return <Outlet />;
}
