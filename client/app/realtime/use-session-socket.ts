// Ties the tab's Socket.IO connection to the signed-in session: open while the shell is mounted, closed
// when it unmounts (sign-out). The cleanup also makes StrictMode's mount–unmount–mount harmless.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authKeys } from '../../features/auth/api/auth-keys';
import { forgetSession } from '../../features/auth/api/forget-session';
import { socketConnection } from '../../shared/realtime/socket-connection';

export function useSessionSocket(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    socketConnection.connect();

    // The server ends sessions it knows are over (sign-out in another tab, expiry): this tab signs out too.
    // When this tab is the one signing out, the event can beat the HTTP answer; the sign-out itself then
    // finishes the job and lands on a plain /sign-in instead of one with a return path.
    const stopSessionEnded = socketConnection.on('session:ended', () => {
      if (queryClient.isMutating({ mutationKey: authKeys.logout() }) > 0) return;
      forgetSession(queryClient);
    });

    // A handshake refused as unauthenticated suggests the cookie is gone; ask the API to be sure.
    const stopStatus = socketConnection.subscribe(() => {
      const { state, reason } = socketConnection.getStatus();
      if (state === 'refused' && reason === 'unauthenticated') {
        void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      }
    });

    return () => {
      stopStatus();
      stopSessionEnded();
      socketConnection.close();
    };
  }, [queryClient]);
}
