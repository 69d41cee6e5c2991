// Reads and writes rows across every cached orders list, page mode and cursor mode alike, so a change made here
// or reported by the feed shows wherever that order is on screen or cached.
import { hashKey, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Order, OrderChange } from '../../../../server/contract/orders';
import { applyOrderChanges } from './apply-order-changes';
import { orderMatchesFilters } from './orders-filters';
import { listParamsOf, ordersKeys } from './orders-keys';
import { mapRows, type OrderRow, type OrdersCursorPage, type OrdersPage, type RowsPage } from './order-rows';

export type CursorData = InfiniteData<OrdersCursorPage, string | null>;

type PagesUpdate = <P extends RowsPage>(pages: P[], key: QueryKey, startsAtTop: boolean) => P[];

/** Runs `update` on the pages of every cached list; writes back only the lists that changed. */
export function updateCachedLists(queryClient: QueryClient, update: PagesUpdate): void {
  for (const [key, data] of queryClient.getQueriesData<OrdersPage>({ queryKey: ordersKeys.pageLists() })) {
    if (!data) continue;
    const params = listParamsOf(key);
    const [next] = update([data], key, params !== undefined && 'page' in params && params.page === 1);
    if (next && next !== data) queryClient.setQueryData<OrdersPage>(key, next);
  }
  for (const [key, data] of queryClient.getQueriesData<CursorData>({ queryKey: ordersKeys.cursorLists() })) {
    if (!data) continue;
    const pages = update(data.pages, key, data.pageParams[0] === null);
    if (pages !== data.pages) queryClient.setQueryData<CursorData>(key, { ...data, pages });
  }
}

export function updateCachedRows(queryClient: QueryClient, update: (row: OrderRow) => OrderRow): void {
  updateCachedLists(queryClient, (pages) => {
    let changed = false;
    const next = pages.map((page) => {
      const data = mapRows(page.data, update);
      if (data === page.data) return page;
      changed = true;
      return { ...page, data };
    });
    return changed ? next : pages;
  });
}

/** Replaces one order's row wherever it is cached, when `when` agrees with what the cache holds. */
export function putCachedOrder(
  queryClient: QueryClient,
  order: OrderRow,
  when: (cached: OrderRow) => boolean = () => true,
): void {
  updateCachedRows(queryClient, (row) => (row.id === order.id && when(row) ? order : row));
}

/** The newest cached copy of an order. */
export function findCachedOrder(queryClient: QueryClient, id: number): OrderRow | undefined {
  const pages: RowsPage[] = [
    ...queryClient.getQueriesData<OrdersPage>({ queryKey: ordersKeys.pageLists() }).map(([, data]) => data),
    ...queryClient.getQueriesData<CursorData>({ queryKey: ordersKeys.cursorLists() }).flatMap(([, data]) => data?.pages),
  ].filter((page) => page !== undefined);
  let found: OrderRow | undefined;
  for (const row of pages.flatMap((page) => page.data)) {
    if (row.id === id && (!found || row.version > found.version)) found = row;
  }
  return found;
}

/**
 * Puts an order this tab just created at the top of the lists it belongs at the top of: newest first, first page,
 * matching filters. Elsewhere it would push rows around, so it waits for the person to reload like other news.
 */
export function insertAtTop(queryClient: QueryClient, order: OrderRow): void {
  updateCachedLists(queryClient, (pages, key, startsAtTop) => {
    const params = listParamsOf(key);
    const first = pages[0];
    if (!first || !startsAtTop || !params || params.order !== 'desc' || params.sort === 'amount') return pages;
    if (!orderMatchesFilters(order, params)) return pages;
    return [{ ...first, data: [order, ...first.data] }, ...pages.slice(1)];
  });
}

export function removeCachedRow(queryClient: QueryClient, id: number): void {
  updateCachedLists(queryClient, (pages) => {
    if (!pages.some((page) => page.data.some((row) => row.id === id))) return pages;
    return pages.map((page) => ({ ...page, data: page.data.filter((row) => row.id !== id) }));
  });
}

/**
 * Applies feed changes to every cached list. New orders are counted against the list on screen (`activeKey`),
 * and only when it has loaded: a list still loading will include them anyway.
 */
export function applyChangesToCache(
  queryClient: QueryClient,
  changes: readonly OrderChange[],
  activeKey: QueryKey | undefined,
  matches: (order: Order) => boolean,
): { newOrderIds: number[]; flashIds: number[] } {
  const activeHash = activeKey && hashKey(activeKey);
  const flash = new Set<number>();
  let newOrderIds: number[] = [];
  updateCachedLists(queryClient, (pages, key) => {
    const result = applyOrderChanges(pages, changes, matches);
    for (const id of result.flashIds) flash.add(id);
    if (hashKey(key) === activeHash) newOrderIds = result.newOrderIds;
    return result.pages;
  });
  return { newOrderIds, flashIds: [...flash] };
}
