import { useMutation, useQueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { hangUpForSignOut } from '../../../shared/realtime/sign-out-hang-up';
import { authKeys } from './auth-keys';
import { forgetSession } from './forget-session';

/** Hangs up the tab's sockets while the session still stands, then ends it; a failed sign-out reopens them. */
export async function logout(): Promise<void> {
  const reopen = await hangUpForSignOut();
  try {
    await api.post<void>('/api/auth/logout');
  } catch (error) {
    // A session that already ended is the outcome we wanted.
    if (isApiError(error, 'unauthenticated')) return;
    reopen();
    throw error;
  }
}

/** Ends the session on the server first: clearing only the local cache would leave the cookie valid. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationKey: authKeys.logout(),
    mutationFn: logout,
    onSuccess: () => {
      // One synchronous render with both changes, so no guard ever sees "signed out" on the old page
      // (it would add a return path) or "signed in" on the sign-in page (it would send us back).
      flushSync(() => {
        forgetSession(queryClient);
        void navigate('/sign-in', { replace: true });
      });
    },
  });
}
