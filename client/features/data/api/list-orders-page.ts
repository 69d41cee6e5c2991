// Page mode: numbered pages with a total. The page on screen stays while the next one loads, and the page after
// it is fetched ahead so "Next page" is usually instant.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequestWithHeaders } from '../../../shared/api/api-client';
import { measured } from '../stores/request-cost-store';
import { listOrdersQuery, toSearchParams, type OrdersFilters } from './orders-filters';
import { ordersKeys, type PageListParams } from './orders-keys';
import type { OrdersPage } from './order-rows';
import { dbTimeOf } from './timing';

export function listOrdersPage(
  filters: OrdersFilters,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<OrdersPage> {
  const search = toSearchParams(listOrdersQuery(filters, { page, pageSize }));
  return measured(
    'pages',
    () => apiRequestWithHeaders<OrdersPage>(`/api/orders?${search.toString()}`, { signal }),
    (body) => body.data.length,
    dbTimeOf,
  );
}

export const ordersPageQueryOptions = (params: PageListParams) =>
  queryOptions({
    queryKey: ordersKeys.page(params),
    queryFn: ({ signal }) => listOrdersPage(params, params.page, params.pageSize, signal),
    placeholderData: keepPreviousData,
    // The change feed keeps cached pages current; a refetch on focus would only move rows under the pointer.
    refetchOnWindowFocus: false,
  });

/** `params` is undefined until the feed position is known: the list must be read after it, not before. */
export function useOrdersPage(params: PageListParams | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...ordersPageQueryOptions(params ?? placeholderParams),
    enabled: params !== undefined,
  });

  const totalPages = query.isPlaceholderData ? undefined : query.data?.meta.total_pages;
  useEffect(() => {
    if (!params || totalPages === undefined || params.page >= totalPages) return;
    void queryClient.prefetchQuery(ordersPageQueryOptions({ ...params, page: params.page + 1 }));
  }, [queryClient, params, totalPages]);

  return query;
}

// Only used for the key of a disabled query, which never fetches.
const placeholderParams: PageListParams = {
  statuses: [],
  q: '',
  createdFrom: '',
  createdTo: '',
  sort: 'created_at',
  order: 'desc',
  page: 1,
  pageSize: 1,
  fromSeq: -1,
};
