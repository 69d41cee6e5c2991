// The view (mode, filters, sort, page) read from and written to the URL. Page moves and filter changes push a
// history entry, so Back returns to the previous view; typing in the search box replaces it instead.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveUpdatesStore } from '../stores/live-updates-store';
import { changeView, filtersOf, parseOrdersView, serializeOrdersView, type OrdersView } from './orders-view-params';

export type UpdateView = (change: Partial<OrdersView>, options?: { replace?: boolean }) => void;

export function useOrdersView(): { view: OrdersView; updateView: UpdateView } {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseOrdersView(searchParams), [searchParams]);

  const updateView = useCallback<UpdateView>(
    (change, options) => {
      const next = changeView(view, change);
      // Another list is loaded from scratch and includes every order created so far.
      if (next.mode !== view.mode || JSON.stringify(filtersOf(next)) !== JSON.stringify(filtersOf(view))) {
        useLiveUpdatesStore.getState().clearNewOrders();
      }
      setSearchParams(serializeOrdersView(next), { replace: options?.replace });
    },
    [view, setSearchParams],
  );

  return { view, updateView };
}
