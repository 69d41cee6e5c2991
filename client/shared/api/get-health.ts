// Liveness of the REST API, polled for the connection-status indicator. It is plumbing, not a feature.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Health } from '../../../server/contract/health';
import { api } from './api-client';

export const HEALTH_POLL_MS = 15_000;

export const healthKeys = {
  all: ['health'] as const,
  liveness: () => [...healthKeys.all, 'liveness'] as const,
};

export const getHealth = (signal?: AbortSignal): Promise<Health> => api.get<Health>('/api/health', signal);

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: healthKeys.liveness(),
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    // The indicator must show what happens now: no retries hiding an outage, and ask even when the
    // browser claims to be offline, because that claim is sometimes wrong.
    retry: false,
    networkMode: 'always',
    staleTime: 0,
  });

export const useHealth = () => useQuery(healthQueryOptions());
