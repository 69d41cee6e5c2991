import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Order, OrderChange } from '../../../../server/contract/orders';
import { DEFAULT_VIEW, filtersOf } from '../hooks/orders-view-params';
import { applyChangesToCache, findCachedOrder, insertAtTop, putCachedOrder, type CursorData } from './orders-cache';
import { ordersKeys } from './orders-keys';
import type { OrdersPage } from './order-rows';

const filters = filtersOf(DEFAULT_VIEW);
const order = (id: number, fields: Partial<Order> = {}): Order => ({
  id,
  created_at: id,
  updated_at: id,
  customer: `Customer ${id}`,
  item: 'Mug',
  amount_cents: 100,
  status: 'pending',
  version: 1,
  ...fields,
});
const pageMeta = { page: 1, page_size: 25, total: 3, total_pages: 1 };
const cursorMeta = { limit: 25, has_more: false, next_cursor: null, prev_cursor: null, as_of: 0 };

function seeded() {
  const queryClient = new QueryClient();
  const pageKey = ordersKeys.page({ ...filters, page: 1, pageSize: 25, fromSeq: 0 });
  const secondPageKey = ordersKeys.page({ ...filters, page: 2, pageSize: 25, fromSeq: 0 });
  const cursorKey = ordersKeys.cursor({ ...filters, limit: 25, fromSeq: 0 });
  queryClient.setQueryData<OrdersPage>(pageKey, { data: [order(3), order(2)], meta: pageMeta });
  queryClient.setQueryData<OrdersPage>(secondPageKey, { data: [order(1)], meta: { ...pageMeta, page: 2 } });
  queryClient.setQueryData<CursorData>(cursorKey, {
    pages: [{ data: [order(3)], meta: cursorMeta }, { data: [order(2), order(1)], meta: cursorMeta }],
    pageParams: [null, 'next'],
  });
  const rows = () => ({
    page: queryClient.getQueryData<OrdersPage>(pageKey)?.data,
    secondPage: queryClient.getQueryData<OrdersPage>(secondPageKey)?.data,
    cursor: queryClient.getQueryData<CursorData>(cursorKey)?.pages.map((p) => p.data),
  });
  return { queryClient, pageKey, cursorKey, rows };
}

const change = (seq: number, kind: OrderChange['kind'], value: Order): OrderChange => ({ seq, kind, order_id: value.id, at: seq, order: value });

describe('orders cache', () => {
  it('applies feed changes to every cached list, page and cursor mode alike', () => {
    const { queryClient, pageKey, rows } = seeded();
    const result = applyChangesToCache(
      queryClient,
      [change(1, 'updated', order(2, { status: 'paid', version: 2 })), change(2, 'deleted', order(1)), change(3, 'created', order(4))],
      pageKey,
      () => true,
    );
    expect(rows().page?.map((row) => row.status)).toEqual(['pending', 'paid']);
    expect(rows().cursor?.[1]?.map((row) => [row.status, row.deleted ?? false])).toEqual([
      ['paid', false],
      ['pending', true],
    ]);
    expect(rows().secondPage?.[0]?.deleted).toBe(true);
    expect(result).toEqual({ newOrderIds: [4], flashIds: [2] });
  });

  it('counts new orders only against the list on screen', () => {
    const { queryClient, rows } = seeded();
    const notLoaded = ordersKeys.page({ ...filters, page: 9, pageSize: 25, fromSeq: 0 });
    expect(applyChangesToCache(queryClient, [change(1, 'created', order(5))], notLoaded, () => true).newOrderIds).toEqual([]);
    expect(rows().page).toHaveLength(2);
  });

  it('finds the newest cached copy and replaces it only when allowed', () => {
    const { queryClient, rows } = seeded();
    putCachedOrder(queryClient, order(3, { status: 'shipped', version: 2 }), (cached) => cached.version === 1);
    expect(findCachedOrder(queryClient, 3)).toMatchObject({ status: 'shipped', version: 2 });
    // A rollback must not undo a newer version that arrived meanwhile.
    putCachedOrder(queryClient, order(3), (cached) => cached.version === 1);
    expect(rows().cursor?.[0]?.[0]?.status).toBe('shipped');
  });

  it('puts a new order at the top of lists that start at the top, newest first, and matching', () => {
    const { queryClient, rows } = seeded();
    insertAtTop(queryClient, { ...order(-1), saving: true });
    expect(rows().page?.map((row) => row.id)).toEqual([-1, 3, 2]);
    expect(rows().cursor?.[0]?.map((row) => row.id)).toEqual([-1, 3]);
    expect(rows().secondPage?.map((row) => row.id)).toEqual([1]);

    const byAmount = ordersKeys.page({ ...filters, sort: 'amount', page: 1, pageSize: 25, fromSeq: 0 });
    const paidOnly = ordersKeys.page({ ...filters, statuses: ['paid'], page: 1, pageSize: 25, fromSeq: 0 });
    for (const key of [byAmount, paidOnly]) queryClient.setQueryData<OrdersPage>(key, { data: [order(3)], meta: pageMeta });
    insertAtTop(queryClient, { ...order(-2), saving: true });
    expect(queryClient.getQueryData<OrdersPage>(byAmount)?.data.map((row) => row.id)).toEqual([3]);
    expect(queryClient.getQueryData<OrdersPage>(paidOnly)?.data.map((row) => row.id)).toEqual([3]);
  });
});
