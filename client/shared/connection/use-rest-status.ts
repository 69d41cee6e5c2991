import { useEffect } from 'react';
import { useHealth } from '../api/get-health';
import { NetworkError } from '../api/api-error';
import { useOnlineStatus } from './use-online-status';

export type RestState = 'checking' | 'online' | 'offline' | 'unreachable' | 'failing';

/** REST reachability from the polled health check, overruled by the browser when it knows it is offline. */
export function useRestStatus(): RestState {
  const online = useOnlineStatus();
  const health = useHealth();
  const { refetch } = health;

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
