import { useEffect, useRef } from 'react';
import { useHealth } from '../api/get-health';
import { NetworkError } from '../api/api-error';
import { useNotificationStreamStatus } from '../realtime/use-notification-stream-status';
import { useSocketStatus } from '../realtime/use-socket-status';
import { useOnlineStatus } from './use-online-status';

export type RestState = 'checking' | 'online' | 'offline' | 'unreachable' | 'failing';

/** REST reachability from the polled health check, overruled by the browser when it knows it is offline. */
export function useRestStatus(): RestState {
  const online = useOnlineStatus();
  const health = useHealth();
  const { refetch } = health;

  // The socket and the event stream hear of a server going away (or coming back) at once, the poll up to 15 s
  // later: re-check when either changes state, so the three indicators do not disagree meanwhile.
  const socketState = useSocketStatus().state;
  const streamState = useNotificationStreamStatus().state;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void refetch();
  }, [socketState, streamState, refetch]);

  // Re-check at once when the network changes instead of waiting for the next poll.
  useEffect(() => {
    const recheck = () => void refetch();
    window.addEventListener('online', recheck);
    window.addEventListener('offline', recheck);
    return () => {
      window.removeEventListener('online', recheck);
      window.removeEventListener('offline', recheck);
    };
  }, [refetch]);

  if (!online) return 'offline';
  if (health.isPending) return 'checking';
  if (health.isError) return health.error instanceof NetworkError ? 'unreachable' : 'failing';
  return 'online';
}
