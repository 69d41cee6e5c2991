// The filters and sort of an orders list, and how they become a GET /api/orders query. Dates are days in the
// person's own time zone, the one the table shows times in, so they are sent as exact epoch milliseconds.
import {
  ORDER_STATUSES,
  type ListOrdersQuery,
  type Order,
  type OrderSort,
  type OrderStatus,
  type SortOrder,
} from '../../../../server/contract/orders';

export interface OrdersFilters {
  /** Empty: every status. */
  statuses: readonly OrderStatus[];
  /** Trimmed; empty: no search. */
  q: string;
  /** `YYYY-MM-DD` (a local day) or empty. */
  createdFrom: string;
  createdTo: string;
  sort: OrderSort;
  order: SortOrder;
}

export type Paging = { page: number; pageSize: number } | { limit: number; cursor?: string | null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayParts(day: string): [number, number, number] | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date rolls 2026-02-30 over to March; a day that does not come back unchanged does not exist.
  const probe = new Date(year, month - 1, date);
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== date) return undefined;
  return [year, month, date];
}

export const isDay = (value: string): boolean => dayParts(value) !== undefined;

/** The first millisecond of a local day. */
export function localDayStart(day: string): number {
  const [year, month, date] = dayParts(day) ?? [NaN, NaN, NaN];
  return new Date(year, month - 1, date).getTime();
}

/** The last millisecond of a local day (days are not always 24 hours long, so it is the next day's start - 1). */
export function localDayEnd(day: string): number {
  const [year, month, date] = dayParts(day) ?? [NaN, NaN, NaN];
  return new Date(year, month - 1, date + 1).getTime() - 1;
}

export function listOrdersQuery(filters: OrdersFilters, paging: Paging): ListOrdersQuery {
  const query: ListOrdersQuery = { sort: filters.sort, order: filters.order };
  // Every status selected is the same list as none; leaving the filter out lets the server skip it.
  if (filters.statuses.length > 0 && filters.statuses.length < ORDER_STATUSES.length) {
    query.status = filters.statuses.join(',');
  }
  if (filters.q) query.q = filters.q;
  if (isDay(filters.createdFrom)) query.created_from = String(localDayStart(filters.createdFrom));
  if (isDay(filters.createdTo)) query.created_to = String(localDayEnd(filters.createdTo));
  if ('page' in paging) {
    query.page = paging.page;
    query.page_size = paging.pageSize;
  } else {
    query.limit = paging.limit;
    if (paging.cursor) query.cursor = paging.cursor;
  }
  return query;
}

export function toSearchParams(query: ListOrdersQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params;
}

/** The server's filter, repeated here to decide whether a newly created order belongs in the list on screen. */
export function orderMatchesFilters(order: Order, filters: OrdersFilters): boolean {
  if (filters.statuses.length > 0 && !filters.statuses.includes(order.status)) return false;
  const prefix = filters.q.toLowerCase();
  if (prefix && !order.customer.toLowerCase().startsWith(prefix) && !order.item.toLowerCase().startsWith(prefix)) {
    return false;
  }
  if (isDay(filters.createdFrom) && order.created_at < localDayStart(filters.createdFrom)) return false;
  if (isDay(filters.createdTo) && order.created_at > localDayEnd(filters.createdTo)) return false;
  return true;
}
