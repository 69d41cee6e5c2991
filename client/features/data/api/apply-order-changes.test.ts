import { describe, expect, it } from 'vitest';
import type { ChangeKind, Order, OrderChange } from '../../../../server/contract/orders';
import { applyOrderChanges } from './apply-order-changes';
import type { OrderRow, RowsPage } from './order-rows';

const order = (id: number, fields: Partial<Order> = {}): Order => ({
  id,
  created_at: 1_000 + id,
  updated_at: 1_000 + id,
  customer: `Customer ${id}`,
  item: 'Mug',
  amount_cents: 100 * id,
  status: 'pending',
  version: 1,
  ...fields,
});

let seq = 0;
const change = (kind: ChangeKind, value: Order): OrderChange => {
  seq += 1;
  return { seq, kind, order_id: value.id, at: 5_000 + seq, order: value };
};

const page = (...rows: OrderRow[]): RowsPage & { meta: string } => ({ data: rows, meta: 'kept' });

describe('applyOrderChanges', () => {
  it('replaces updated rows in place, keeps the other rows and flashes the changed ones', () => {
    const pages = [page(order(1), order(2)), page(order(3))];
    const updated = order(2, { status: 'paid', version: 2 });
    const result = applyOrderChanges(pages, [change('updated', updated)]);
    expect(result.pages[0]?.data.map((row) => row.id)).toEqual([1, 2]);
    expect(result.pages[0]?.data[1]).toEqual(updated);
    expect(result.pages[0]?.meta).toBe('kept');
    expect(result.pages[0]?.data[0]).toBe(pages[0]?.data[0]);
    expect(result.pages[1]).toBe(pages[1]);
    expect(result.flashIds).toEqual([2]);
    expect(result.newOrderIds).toEqual([]);
  });

  it('ignores changes that are not newer than the row (replays, this tab’s own saved edit)', () => {
    const pages = [page(order(1, { version: 3, status: 'shipped' }))];
    const result = applyOrderChanges(pages, [change('updated', order(1, { version: 3 })), change('updated', order(1, { version: 2 }))]);
    expect(result.pages).toBe(pages);
    expect(result.flashIds).toEqual([]);
  });

  it('applies the last of several changes to one order', () => {
    const pages = [page(order(1))];
    const result = applyOrderChanges(pages, [
      change('updated', order(1, { status: 'paid', version: 2 })),
      change('updated', order(1, { status: 'shipped', version: 3 })),
    ]);
    expect(result.pages[0]?.data[0]?.status).toBe('shipped');
    expect(result.flashIds).toEqual([1]);
  });

  it('marks deleted rows instead of removing them, so nothing below moves', () => {
    const pages = [page(order(1), order(2), order(3))];
    const result = applyOrderChanges(pages, [change('deleted', order(2))]);
    expect(result.pages[0]?.data.map((row) => [row.id, row.deleted ?? false])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(result.flashIds).toEqual([]);
    // Deleting again changes nothing.
    expect(applyOrderChanges(result.pages, [change('deleted', order(2))]).pages).toBe(result.pages);
  });

  it('counts created orders without inserting them', () => {
    const pages = [page(order(1))];
    const result = applyOrderChanges(pages, [change('created', order(10)), change('created', order(11))]);
    expect(result.pages).toBe(pages);
    expect(result.newOrderIds).toEqual([10, 11]);
  });

  it('does not count orders already in the list, deleted again, or outside the filters', () => {
    const pages = [page(order(1), order(12))];
    const result = applyOrderChanges(
      pages,
      [
        change('created', order(12)),
        change('created', order(13)),
        change('deleted', order(13)),
        change('created', order(14, { status: 'paid' })),
        change('created', order(15)),
        change('updated', order(15, { status: 'paid', version: 2 })),
        change('created', order(16)),
      ],
      (value) => value.status === 'pending',
    );
    expect(result.newOrderIds).toEqual([16]);
  });

  it('orders changes by seq even when they arrive out of order', () => {
    const first = change('updated', order(1, { status: 'paid', version: 2 }));
    const second = change('deleted', order(1, { status: 'paid', version: 2 }));
    const result = applyOrderChanges([page(order(1))], [second, first]);
    expect(result.pages[0]?.data[0]?.deleted).toBe(true);
  });

  it('works on no pages at all', () => {
    const result = applyOrderChanges([], [change('created', order(20))]);
    expect(result).toEqual({ pages: [], newOrderIds: [20], flashIds: [] });
  });
});
