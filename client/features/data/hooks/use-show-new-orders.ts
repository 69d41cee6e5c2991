// "Show new orders": the one moment rows are allowed to move. The list on screen is read again from its top.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CursorData } from '../api/orders-cache';
import { ordersKeys } from '../api/orders-keys';
import { useLiveUpdatesStore } from '../stores/live-updates-store';
import type { OrdersView } from './orders-view-params';
import type { UpdateView } from './use-orders-view';

export function useShowNewOrders(
  view: OrdersView,
  activeKey: QueryKey | undefined,
  updateView: UpdateView,
  scrollToTop: () => void,
) {
  const queryClient = useQueryClient();

  return useCallback(() => {
    useLiveUpdatesStore.getState().clearNewOrders();
    if (!activeKey) return;
    if (view.mode === 'pages') {
      // Every cached page is now out of date in its numbering, not only the first.
      void queryClient.invalidateQueries({ queryKey: ordersKeys.pageLists(), refetchType: 'none' });
      if (view.page === 1) void queryClient.refetchQueries({ queryKey: activeKey, exact: true });
      else updateView({ page: 1 });
    } else {
      // Keep only the first page (from the top, no cursor) so the refetch reads one page, not every page held.
      queryClient.setQueryData<CursorData>(activeKey, (data) =>
        data ? { pages: data.pages.slice(0, 1), pageParams: [null] } : data,
      );
      void queryClient.refetchQueries({ queryKey: activeKey, exact: true });
    }
    scrollToTop();
  }, [queryClient, view.mode, view.page, activeKey, updateView, scrollToTop]);
}
