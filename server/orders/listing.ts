// GET /api/orders in its two modes. Page mode counts and offsets; cursor mode seeks by keyset from the position
// a signed cursor names. Both share the filters and sorts, and both produce RFC 8288 links that keep them.
import type { FieldError } from '../contract/errors.js';
import {
  PAGE_SIZE_DEFAULT,
  type CursorMeta,
  type ListOrdersQuery,
  type Order,
  type OrderSort,
  type OrderStatus,
  type PageMeta,
} from '../contract/orders.js';
import { ApiError } from '../http/problem.js';
import { queryDigest, type CursorCodec, type CursorState } from './cursor.js';
import {
  searchKey,
  type OrderFilters,
  type OrderRecord,
  type OrderSortSpec,
  type OrdersRepository,
  type SortColumn,
  type SortKey,
} from './orders-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SORT_COLUMNS: Record<OrderSort, SortColumn> = { created_at: 'created_at', amount: 'amount_cents', id: 'id' };

function invalid(field: string, message: string): ApiError {
  return new ApiError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /T(\d{2}):(\d{2})(?::(\d{2}))?/;
const OFFSET = /([+-])(\d{2}):(\d{2})$/;

/** Epoch ms for a time parameter (already matched by the schema's pattern), or undefined when no such time exists. */
export function parseTimeParam(raw: string, endOfDay: boolean): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  const [, y, m, d] = DATE.exec(raw) ?? [];
  const day = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Date.UTC and Date.parse roll 2026-02-30 over to March; a date that does not round-trip does not exist.
  if (new Date(day).toISOString().slice(0, 10) !== raw.slice(0, 10)) return undefined;
  if (raw.length === 10) return endOfDay ? day + DAY_MS - 1 : day;
  const [, hh, mm, ss = '0'] = TIME.exec(raw) ?? [];
  const offset = OFFSET.exec(raw);
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

export function filtersFrom(query: ListOrdersQuery): OrderFilters {
  const errors: FieldError[] = [];
  const filters: OrderFilters = {};
  if (query.status) filters.statuses = [...new Set(query.status.split(',') as OrderStatus[])].sort();
  const prefix = query.q === undefined ? '' : searchKey(query.q.trim());
  if (prefix) filters.prefix = prefix;
  for (const [name, endOfDay] of [['created_from', false], ['created_to', true]] as const) {
    const raw = query[name];
    if (raw === undefined) continue;
    const ms = parseTimeParam(raw, endOfDay);
    if (ms === undefined) errors.push({ field: `query.${name}`, message: 'is not a real date or time' });
    else if (name === 'created_from') filters.createdFrom = ms;
    else filters.createdTo = ms;
  }
  if (filters.createdFrom !== undefined && filters.createdTo !== undefined && filters.createdTo < filters.createdFrom) {
    errors.push({ field: 'query.created_to', message: 'is before created_from' });
  }
  if (errors.length) throw new ApiError('validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
  return filters;
}

export const sortSpec = (query: ListOrdersQuery): OrderSortSpec => ({ column: SORT_COLUMNS[query.sort], order: query.order });

/** Cursor mode iff `cursor` or `limit` is given; the other mode's parameters are refused rather than ignored. */
export function isCursorMode(query: ListOrdersQuery): boolean {
  const cursorMode = query.cursor !== undefined || query.limit !== undefined;
  const pageMode = query.page !== undefined || query.page_size !== undefined;
  if (cursorMode && pageMode) {
    const field = query.page !== undefined ? 'query.page' : 'query.page_size';
    throw invalid(field, 'cannot be combined with cursor or limit (page mode uses page and page_size, cursor mode cursor and limit)');
  }
  return cursorMode;
}

function canonicalQuery(filters: OrderFilters, sort: OrderSortSpec): string {
  return JSON.stringify([filters.statuses ?? null, filters.prefix ?? null, filters.createdFrom ?? null, filters.createdTo ?? null, sort.column, sort.order]);
}

/** The query string every link starts with: the filters and sort exactly as the client gave them. */
function keptQuery(query: ListOrdersQuery): string {
  const params = new URLSearchParams();
  for (const name of ['status', 'q', 'created_from', 'created_to'] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, value);
  }
  params.set('sort', query.sort);
  params.set('order', query.order);
  return params.toString();
}

// What links append to the kept query (numbers, and cursors in base64url and '.') never needs escaping.
function linkHeader(path: string, links: [rel: string, query: string][]): string {
  return links.map(([rel, query]) => `<${path}?${query}>; rel="${rel}"`).join(', ');
}

export interface Timer {
  /** Runs a database call and adds its duration to the total reported in Server-Timing. */
  time<T>(work: () => Promise<T>): Promise<T>;
}

export interface Listed<M> {
  data: Order[];
  meta: M;
  link: string;
}

export async function listPage(
  repo: OrdersRepository,
  timer: Timer,
  query: ListOrdersQuery,
  path: string,
): Promise<Listed<PageMeta>> {
  const filters = filtersFrom(query);
  const sort = sortSpec(query);
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? PAGE_SIZE_DEFAULT;
  const rows = await timer.time(() => repo.page(filters, sort, (page - 1) * pageSize, pageSize));
  const total = await timer.time(() => repo.count(filters));
  const totalPages = Math.ceil(total / pageSize);
  const lastPage = Math.max(1, totalPages);

  const kept = keptQuery(query);
  const at = (n: number) => `${kept}&page=${n}&page_size=${pageSize}`;
  const links: [string, string][] = [['first', at(1)]];
  if (page > 1) links.push(['prev', at(Math.min(page - 1, lastPage))]);
  if (page < totalPages) links.push(['next', at(page + 1)]);
  links.push(['last', at(lastPage)]);

  return {
    data: rows,
    meta: { page, page_size: pageSize, total, total_pages: totalPages },
    link: linkHeader(path, links),
  };
}

function keyOf(row: OrderRecord, column: SortColumn): SortKey {
  return { value: row[column], id: row.id };
}

/**
 * Ids are integers, so "at or before (v, id)" is "strictly before (v, id + 1)" in ascending order. This lets an
 * empty page (its rows were deleted) still point back to the position it was asked for.
 */
function shift(key: SortKey, by: 1 | -1): SortKey {
  return { value: key.value, id: key.id + by };
}

export async function listCursor(
  repo: OrdersRepository,
  timer: Timer,
  codec: CursorCodec,
  head: number,
  query: ListOrdersQuery,
  path: string,
): Promise<Listed<CursorMeta>> {
  const filters = filtersFrom(query);
  const sort = sortSpec(query);
  const digest = queryDigest(canonicalQuery(filters, sort));
  const limit = query.limit ?? PAGE_SIZE_DEFAULT;

  let state: CursorState | undefined;
  if (query.cursor !== undefined) {
    state = codec.decode(query.cursor);
    if (!state) throw invalid('query.cursor', 'is not a cursor this server issued (it was changed or cut short)');
    if (state.query !== digest || state.sort !== query.sort || state.order !== query.order) {
      throw invalid('query.cursor', 'belongs to other filters or another sort; start again without a cursor');
    }
  }
  // The head is read before the rows, so a change racing this read is in the page, the feed from as_of, or both.
  const asOf = state?.asOf ?? head;
  const forward = state?.direction !== 'prev';
  const from = state?.key ?? undefined;

  const rows = await timer.time(() => repo.seek(filters, sort, { forward, from }, limit + 1));
  const more = rows.length > limit;
  if (more) rows.pop();
  if (!forward) rows.reverse();

  const ascending = sort.order === 'asc';
  const first = rows[0];
  const last = rows.at(-1);
  // Whether rows exist on the side we did not read: cheap one-row index probes, so the answer stays exact when
  // rows were deleted since the cursor was made.
  const existsPast = (key: SortKey, ahead: boolean) =>
    timer.time(async () => (await repo.seek(filters, sort, { forward: ahead, from: key }, 1)).length > 0);

  let hasNext: boolean;
  let hasPrev: boolean;
  if (forward) {
    hasNext = more;
    if (!state) hasPrev = false;
    else if (first) hasPrev = await existsPast(keyOf(first, sort.column), false);
    else hasPrev = from ? await existsPast(shift(from, ascending ? 1 : -1), false) : false;
  } else {
    hasPrev = more;
    if (last) hasNext = await existsPast(keyOf(last, sort.column), true);
    else hasNext = from ? await existsPast(shift(from, ascending ? -1 : 1), true) : false;
  }

  const cursor = (direction: 'next' | 'prev', key: SortKey | null): string =>
    codec.encode({ sort: query.sort, order: query.order, direction, key, asOf, query: digest });
  const nextKey = last ? keyOf(last, sort.column) : from && shift(from, ascending ? -1 : 1);
  const prevKey = first ? keyOf(first, sort.column) : from && shift(from, ascending ? 1 : -1);
  const nextCursor = hasNext && nextKey ? cursor('next', nextKey) : null;
  const prevCursor = hasPrev && prevKey ? cursor('prev', prevKey) : null;

  const kept = keptQuery(query);
  const at = (token: string | null) => (token ? `${kept}&limit=${limit}&cursor=${token}` : `${kept}&limit=${limit}`);
  const links: [string, string][] = [['first', at(null)]];
  if (prevCursor) links.push(['prev', at(prevCursor)]);
  if (nextCursor) links.push(['next', at(nextCursor)]);
  links.push(['last', at(cursor('prev', null))]);

  return {
    data: rows,
    meta: { limit, has_more: nextCursor !== null, next_cursor: nextCursor, prev_cursor: prevCursor, as_of: asOf },
    link: linkHeader(path, links),
  };
}
