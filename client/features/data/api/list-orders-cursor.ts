// Cursor mode: keyset pages that stay correct while orders are written, loaded as the person scrolls. At most
// MAX_CURSOR_PAGES pages are kept: older ones are dropped (and fetched again when scrolled back to), which also
// bounds what a refetch has to read again.
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequestWithHeaders } from '../../../shared/api/api-client';
import { measured } from '../stores/request-cost-store';
import { listOrdersQuery, toSearchParams, type OrdersFilters } from './orders-filters';
import { ordersKeys, type CursorListParams } from './orders-keys';
import type { OrdersCursorPage } from './order-rows';
import { dbTimeOf } from './timing';

export const MAX_CURSOR_PAGES = 10;

export function listOrdersCursorPage(
  filters: OrdersFilters,
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<OrdersCursorPage> {
  const search = toSearchParams(listOrdersQuery(filters, { limit, cursor }));
  return measured(
    'infinite',
    () => apiRequestWithHeaders<OrdersCursorPage>(`/api/orders?${search.toString()}`, { signal }),
    (body) => body.data.length,
    dbTimeOf,
  );
}

export const ordersCursorQueryOptions = (params: CursorListParams) =>
  infiniteQueryOptions({
    queryKey: ordersKeys.cursor(params),
    queryFn: ({ pageParam, signal }) => listOrdersCursorPage(params, params.limit, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.meta.next_cursor,
    // Needed once pages are dropped from the front: scrolling back up reads them again.
    getPreviousPageParam: (first) => first.meta.prev_cursor,
    maxPages: MAX_CURSOR_PAGES,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });

export function useOrdersCursor(params: CursorListParams | undefined) {
  return useInfiniteQuery({
    ...ordersCursorQueryOptions(params ?? placeholderParams),
    enabled: params !== undefined,
  });
}

// Only used for the key of a disabled query, which never fetches.
const placeholderParams: CursorListParams = {
  statuses: [],
  q: '',
  createdFrom: '',
  createdTo: '',
  sort: 'created_at',
  order: 'desc',
  limit: 1,
  fromSeq: -1,
};
