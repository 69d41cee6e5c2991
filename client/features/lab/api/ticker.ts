// The rate of the one stream every lane carries. Anyone may read it; only an admin may change it (the server
// says 403 otherwise), because it changes what every other viewer of the lab sees.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TickerState } from '../../../../server/contract/orders';
import { api } from '../../../shared/api/api-client';
import { labKeys } from './lab-keys';

export const tickerQueryOptions = () =>
  queryOptions({
    queryKey: labKeys.ticker(),
    queryFn: ({ signal }) => api.get<TickerState>('/api/ticker', signal),
    // Someone else may change it: check now and then.
    refetchInterval: 5000,
  });

export const useTicker = () => useQuery(tickerQueryOptions());

export function useSetTickerRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rate: number) => api.put<TickerState>('/api/ticker', { rate }),
    onSuccess: (state) => queryClient.setQueryData(labKeys.ticker(), state),
  });
}
