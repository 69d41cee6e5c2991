// The server's side of the lab: open connections per transport, request and delivery rates, CPU and event-loop
// delay. Polled once a second while the page is open; it is a figure beside the lanes, not one of them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LabStats } from '../../../../server/contract/lab';
import { api } from '../../../shared/api/api-client';
import { labKeys } from './lab-keys';

export const LAB_STATS_INTERVAL_MS = 1000;

export const labStatsQueryOptions = () =>
  queryOptions({
    queryKey: labKeys.stats(),
    queryFn: ({ signal }) => api.get<LabStats>('/api/lab/stats', signal),
    refetchInterval: LAB_STATS_INTERVAL_MS,
    staleTime: 0,
  });

export const useLabStats = () => useQuery(labStatsQueryOptions());
