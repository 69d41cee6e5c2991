// Keeps every cached orders list live from the change feed: polls at the chosen interval while the tab is
// visible (TanStack Query stops interval polling in background tabs), patches rows in place, flashes them and
// counts new orders for the banner.
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Order } from '../../../../server/contract/orders';
import { usePageVisible } from '../../../shared/browser/use-page-visibility';
import { applyChangesToCache } from '../api/orders-cache';
import { orderMatchesFilters, type OrdersFilters } from '../api/orders-filters';
import { ordersKeys } from '../api/orders-keys';
import { orderChangesQueryOptions, type FeedHandlers } from '../api/poll-order-changes';
import { useLiveUpdatesStore } from '../stores/live-updates-store';
import { usePollingStore } from '../stores/polling-store';

export type FeedState = 'starting' | 'off' | 'paused' | 'failing' | 'live';

interface OrderFeedOptions {
  startSeq: number | undefined;
  activeKey: QueryKey | undefined;
  filters: OrdersFilters;
}

export function useOrderFeed({ startSeq, activeKey, filters }: OrderFeedOptions) {
  const queryClient = useQueryClient();
  const intervalMs = usePollingStore((state) => state.intervalMs);
  const visible = usePageVisible();

  const handlers: FeedHandlers = {
    onChanges: (changes) => {
      const matches = (order: Order) => orderMatchesFilters(order, filters);
      const { newOrderIds, flashIds } = applyChangesToCache(queryClient, changes, activeKey, matches);
      const live = useLiveUpdatesStore.getState();
      live.addNewOrders(newOrderIds);
      live.flash(flashIds);
    },
    onRestart: () => void queryClient.invalidateQueries({ queryKey: ordersKeys.lists() }),
  };

  const feed = useQuery({
    ...orderChangesQueryOptions(queryClient, startSeq ?? 0, handlers),
    enabled: startSeq !== undefined && intervalMs > 0,
    refetchInterval: intervalMs > 0 ? intervalMs : false,
  });

  // News and highlights belong to this visit of the page.
  useEffect(() => () => useLiveUpdatesStore.getState().reset(), []);

  let state: FeedState = 'live';
  if (intervalMs === 0) state = 'off';
  else if (!visible) state = 'paused';
  else if (startSeq === undefined) state = 'starting';
  else if (feed.isError) state = 'failing';

  return { state, intervalMs, position: feed.data, error: feed.error };
}
