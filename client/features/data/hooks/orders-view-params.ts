// The Data page's view lives in the URL so it can be shared and survives a reload. Anything in the URL that is
// not a valid value is ignored (the default applies) instead of failing the page; defaults are left out.
import {
  ORDER_SORTS,
  ORDER_STATUSES,
  PAGE_SIZE_DEFAULT,
  SORT_ORDERS,
  type OrderSort,
  type OrderStatus,
  type SortOrder,
} from '../../../../server/contract/orders';
import { isDay, type OrdersFilters } from '../api/orders-filters';

export const VIEW_MODES = ['pages', 'infinite'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const MAX_PAGE = 10_000_000;
const MAX_QUERY_LENGTH = 100;

export interface OrdersView extends OrdersFilters {
  mode: ViewMode;
  page: number;
  pageSize: PageSize;
}

export const DEFAULT_VIEW: OrdersView = {
  mode: 'pages',
  statuses: [],
  q: '',
  createdFrom: '',
  createdTo: '',
  sort: 'created_at',
  order: 'desc',
  page: 1,
  pageSize: PAGE_SIZE_DEFAULT as PageSize,
};

const oneOf = <T extends string | number>(choices: readonly T[], value: unknown): value is T =>
  (choices as readonly unknown[]).includes(value);

function parseStatuses(raw: string | null): OrderStatus[] {
  const given = new Set((raw ?? '').split(','));
  // In the catalogue's order, so `paid,pending` and `pending,paid` are one view (and one cache entry).
  return ORDER_STATUSES.filter((status) => given.has(status));
}

function parsePage(raw: string | null): number {
  if (raw === null || !/^\d{1,8}$/.test(raw)) return DEFAULT_VIEW.page;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : DEFAULT_VIEW.page;
}

export function parseOrdersView(params: URLSearchParams): OrdersView {
  const view = params.get('view');
  const sort = params.get('sort');
  const order = params.get('order');
  const pageSize = Number(params.get('page_size'));
  const from = params.get('created_from') ?? '';
  const to = params.get('created_to') ?? '';
  const createdFrom = isDay(from) ? from : '';
  // An end before the start matches nothing and the server refuses it; keep the start, drop the end.
  const createdTo = isDay(to) && !(createdFrom && to < createdFrom) ? to : '';
  return {
    mode: oneOf(VIEW_MODES, view) ? view : DEFAULT_VIEW.mode,
    statuses: parseStatuses(params.get('status')),
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    createdFrom,
    createdTo,
    sort: oneOf<OrderSort>(ORDER_SORTS, sort) ? sort : DEFAULT_VIEW.sort,
    order: oneOf<SortOrder>(SORT_ORDERS, order) ? order : DEFAULT_VIEW.order,
    page: parsePage(params.get('page')),
    pageSize: oneOf(PAGE_SIZES, pageSize) ? pageSize : DEFAULT_VIEW.pageSize,
  };
}

export function serializeOrdersView(view: OrdersView): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number, fallback: string | number) => {
    if (value !== fallback) params.set(name, String(value));
  };
  set('view', view.mode, DEFAULT_VIEW.mode);
  set('status', view.statuses.join(','), '');
  set('q', view.q.trim(), '');
  set('created_from', view.createdFrom, '');
  set('created_to', view.createdTo, '');
  set('sort', view.sort, DEFAULT_VIEW.sort);
  set('order', view.order, DEFAULT_VIEW.order);
  // Page numbers mean nothing to the infinite view: it always starts at the top.
  if (view.mode === 'pages') set('page', view.page, DEFAULT_VIEW.page);
  set('page_size', view.pageSize, DEFAULT_VIEW.pageSize);
  return params;
}

const FILTER_FIELDS = ['statuses', 'q', 'createdFrom', 'createdTo', 'sort', 'order'] as const;

export const filtersOf = (view: OrdersView): OrdersFilters => ({
  statuses: view.statuses,
  q: view.q,
  createdFrom: view.createdFrom,
  createdTo: view.createdTo,
  sort: view.sort,
  order: view.order,
});

/**
 * Applies a change to the view. Other filters or another sort make a different list, which starts at page 1; a
 * new page size keeps the first row on screen in view.
 */
export function changeView(current: OrdersView, change: Partial<OrdersView>): OrdersView {
  const next = { ...current, ...change };
  // String() compares the status lists by content: the same statuses in a new array are the same list.
  const filtersChanged = FILTER_FIELDS.some(
    (field) => change[field] !== undefined && String(change[field]) !== String(current[field]),
  );
  if (change.page === undefined) {
    if (filtersChanged) next.page = 1;
    else if (next.pageSize !== current.pageSize) {
      next.page = Math.floor(((current.page - 1) * current.pageSize) / next.pageSize) + 1;
    }
  }
  return next;
}
