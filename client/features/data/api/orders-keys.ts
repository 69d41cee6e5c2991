// Query and mutation keys for everything under /api/orders, built in one place so that updates from the change
// feed and from mutations reach every cached list, and invalidation cannot drift from use.
import type { QueryKey } from '@tanstack/react-query';
import type { OrdersFilters } from './orders-filters';

/**
 * `fromSeq` is the change-feed position the list is kept in step from. Coming back to the page reads a new one,
 * so lists cached before are not shown as if they were current.
 */
export interface PageListParams extends OrdersFilters {
  page: number;
  pageSize: number;
  fromSeq: number;
}

export interface CursorListParams extends OrdersFilters {
  limit: number;
  fromSeq: number;
}

export const ordersKeys = {
  all: ['orders'] as const,
  lists: () => [...ordersKeys.all, 'list'] as const,
  pageLists: () => [...ordersKeys.lists(), 'page'] as const,
  page: (params: PageListParams) => [...ordersKeys.pageLists(), params] as const,
  cursorLists: () => [...ordersKeys.lists(), 'cursor'] as const,
  cursor: (params: CursorListParams) => [...ordersKeys.cursorLists(), params] as const,
  feed: () => [...ordersKeys.all, 'feed'] as const,
  feedHead: () => [...ordersKeys.feed(), 'head'] as const,
  changes: () => [...ordersKeys.feed(), 'changes'] as const,
  /** Mutation keys. */
  create: () => [...ordersKeys.all, 'create'] as const,
  update: () => [...ordersKeys.all, 'update'] as const,
  remove: () => [...ordersKeys.all, 'remove'] as const,
};

/** The parameters stored in a list key, for code that walks every cached list. */
export function listParamsOf(queryKey: QueryKey): PageListParams | CursorListParams | undefined {
  const params = queryKey[3];
  return typeof params === 'object' && params !== null ? (params as PageListParams | CursorListParams) : undefined;
}
