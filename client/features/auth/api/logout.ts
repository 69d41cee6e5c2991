import { useMutation, useQueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { authKeys } from './auth-keys';
import { forgetSession } from './forget-session';

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } catch (error) {
    // A session that already ended is the outcome we wanted.
    if (!isApiError(error, 'unauthenticated')) throw error;
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
