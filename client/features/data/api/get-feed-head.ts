// The change feed's newest seq, read once when the Data page opens and before any list: every change after it
// is then applied to lists loaded after it, so nothing written in between is missed.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeedHead } from '../../../../server/contract/orders';
import { apiRequestWithHeaders } from '../../../shared/api/api-client';
import { measured } from '../stores/request-cost-store';
import { ordersKeys } from './orders-keys';
import { dbTimeOf } from './timing';

export const getFeedHead = (signal?: AbortSignal): Promise<FeedHead> =>
  measured('feed', () => apiRequestWithHeaders<FeedHead>('/api/orders/changes/head', { signal }), () => 0, dbTimeOf);

export const feedHeadQueryOptions = () =>
  queryOptions({
    queryKey: ordersKeys.feedHead(),
    queryFn: ({ signal }) => getFeedHead(signal),
    // Read once per visit to the page: a new head would mean new lists. Forgotten as soon as the page closes, so
    // the next visit starts from a fresh position instead of trusting lists nobody kept up to date.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

export const useFeedHead = () => useQuery(feedHeadQueryOptions());
