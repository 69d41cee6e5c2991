// Ties the browser's notification stream to the signed-in session, like the socket: open while the shell is
// mounted, closed when it unmounts (sign-out). The cleanup also makes StrictMode's mount–unmount–mount harmless.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authKeys } from '../../features/auth/api/auth-keys';
import { forgetSession } from '../../features/auth/api/forget-session';
import { notificationStream } from '../../shared/realtime/notification-stream';
import { retryWhenRefused } from '../../shared/realtime/retry-when-refused';

export function useSessionNotificationStream(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    notificationStream.connect();

    // The server ends the stream of a session that was signed out (here, in another tab, or expired). As with the
    // socket, the tab signing out itself lets its own sign-out finish the job.
    const stopSessionEnded = notificationStream.on('session', () => {
      if (queryClient.isMutating({ mutationKey: authKeys.logout() }) > 0) return;
      forgetSession(queryClient);
    });

    // A refused stream suggests the cookie is gone: ask the API. Signed out, the shell unmounts and closes the
    // stream; still signed in, the refusal had another cause and the stream is retried after a while.
    const stopRetrying = retryWhenRefused(notificationStream, async () => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me() });
      return Boolean(queryClient.getQueryData(authKeys.me()));
    });

    return () => {
      stopRetrying();
      stopSessionEnded();
      notificationStream.close();
    };
  }, [queryClient]);
}
