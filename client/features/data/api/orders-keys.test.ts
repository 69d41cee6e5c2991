import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, filtersOf } from '../hooks/orders-view-params';
import { listOrdersQuery, localDayEnd, localDayStart, orderMatchesFilters, toSearchParams, type OrdersFilters } from './orders-filters';
import { listParamsOf, ordersKeys } from './orders-keys';

const filters: OrdersFilters = filtersOf(DEFAULT_VIEW);

describe('ordersKeys', () => {
  it('nests every key under the orders root, lists under one list root', () => {
    const page = ordersKeys.page({ ...filters, page: 2, pageSize: 25, fromSeq: 7 });
    const cursor = ordersKeys.cursor({ ...filters, limit: 25, fromSeq: 7 });
    for (const key of [page, cursor, ordersKeys.feedHead(), ordersKeys.changes(), ordersKeys.update()]) {
      expect(key.slice(0, 1)).toEqual(['orders']);
    }
    expect(page.slice(0, 3)).toEqual(['orders', 'list', 'page']);
    expect(cursor.slice(0, 3)).toEqual(['orders', 'list', 'cursor']);
    expect(ordersKeys.changes().slice(0, 2)).toEqual(ordersKeys.feed());
  });

  it('builds equal keys for equal views and different keys for different ones', () => {
    const a = ordersKeys.page({ ...filters, page: 1, pageSize: 25, fromSeq: 0 });
    expect(ordersKeys.page({ ...filters, page: 1, pageSize: 25, fromSeq: 0 })).toEqual(a);
    expect(ordersKeys.page({ ...filters, page: 2, pageSize: 25, fromSeq: 0 })).not.toEqual(a);
    expect(ordersKeys.page({ ...filters, page: 1, pageSize: 25, fromSeq: 9 })).not.toEqual(a);
  });

  it('lets cache walkers read the parameters back', () => {
    expect(listParamsOf(ordersKeys.cursor({ ...filters, limit: 50, fromSeq: 3 }))).toMatchObject({ limit: 50, fromSeq: 3 });
    expect(listParamsOf(ordersKeys.feedHead())).toBeUndefined();
  });
});

describe('listOrdersQuery', () => {
  it('builds a page-mode query with the sort always present', () => {
    const query = listOrdersQuery(filters, { page: 3, pageSize: 50 });
    expect(toSearchParams(query).toString()).toBe('sort=created_at&order=desc&page=3&page_size=50');
  });

  it('builds a cursor-mode query and never mixes in page parameters', () => {
    const search = toSearchParams(listOrdersQuery({ ...filters, statuses: ['paid', 'shipped'], q: 'ada' }, { limit: 25, cursor: 'abc' }));
    expect(search.toString()).toBe('sort=created_at&order=desc&status=paid%2Cshipped&q=ada&limit=25&cursor=abc');
    expect(listOrdersQuery(filters, { limit: 25, cursor: null })).not.toHaveProperty('cursor');
  });

  it('leaves out a status filter that selects every status', () => {
    const all = listOrdersQuery({ ...filters, statuses: ['pending', 'paid', 'shipped', 'cancelled', 'refunded'] }, { page: 1, pageSize: 25 });
    expect(all.status).toBeUndefined();
  });

  it('sends local days as exact millisecond bounds', () => {
    const query = listOrdersQuery({ ...filters, createdFrom: '2026-01-31', createdTo: '2026-02-01' }, { page: 1, pageSize: 10 });
    expect(query.created_from).toBe(String(new Date(2026, 0, 31).getTime()));
    expect(query.created_to).toBe(String(new Date(2026, 1, 2).getTime() - 1));
    expect(localDayEnd('2026-01-31') + 1).toBe(localDayStart('2026-02-01'));
  });
});

describe('orderMatchesFilters', () => {
  const order = {
    id: 1,
    created_at: new Date(2026, 0, 15, 12).getTime(),
    updated_at: 0,
    customer: 'Ada Lovelace',
    item: 'Blue mug',
    amount_cents: 100,
    status: 'paid' as const,
    version: 1,
  };

  it('follows the server: status list, case-insensitive prefix of customer or item, creation day range', () => {
    expect(orderMatchesFilters(order, filters)).toBe(true);
    expect(orderMatchesFilters(order, { ...filters, statuses: ['pending'] })).toBe(false);
    expect(orderMatchesFilters(order, { ...filters, q: 'ada' })).toBe(true);
    expect(orderMatchesFilters(order, { ...filters, q: 'BLUE' })).toBe(true);
    expect(orderMatchesFilters(order, { ...filters, q: 'love' })).toBe(false);
    expect(orderMatchesFilters(order, { ...filters, createdFrom: '2026-01-15', createdTo: '2026-01-15' })).toBe(true);
    expect(orderMatchesFilters(order, { ...filters, createdFrom: '2026-01-16' })).toBe(false);
    expect(orderMatchesFilters(order, { ...filters, createdTo: '2026-01-14' })).toBe(false);
  });
});
