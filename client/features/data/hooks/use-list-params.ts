import { useMemo } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { ordersKeys, type CursorListParams, type PageListParams } from '../api/orders-keys';
import { filtersOf, type OrdersView } from './orders-view-params';

export interface ListParams {
  pageParams: PageListParams | undefined;
  cursorParams: CursorListParams | undefined;
  /** The list on screen; new orders are counted against it. */
  activeKey: QueryKey | undefined;
}

/** The query parameters of both views, undefined until the feed position they are kept in step from is known. */
export function useListParams(view: OrdersView, fromSeq: number | undefined): ListParams {
  return useMemo(() => {
    if (fromSeq === undefined) return { pageParams: undefined, cursorParams: undefined, activeKey: undefined };
    const filters = filtersOf(view);
    const pageParams: PageListParams = { ...filters, page: view.page, pageSize: view.pageSize, fromSeq };
    const cursorParams: CursorListParams = { ...filters, limit: view.pageSize, fromSeq };
    const activeKey = view.mode === 'pages' ? ordersKeys.page(pageParams) : ordersKeys.cursor(cursorParams);
    return { pageParams, cursorParams, activeKey };
  }, [view, fromSeq]);
}
