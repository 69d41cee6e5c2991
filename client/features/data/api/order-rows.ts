// What the orders caches hold: the server's pages, with two marks the table needs and the wire does not have.
import type { CursorMeta, Order, PageMeta } from '../../../../server/contract/orders';

/**
 * An order as a table row. `deleted`: the change feed (or this tab) deleted it; the row stays, marked, so the rows
 * below do not jump. `saving`: created here and not yet confirmed by the server (its id is a negative stand-in).
 */
export type OrderRow = Order & { deleted?: true; saving?: true };

export interface RowsPage {
  data: OrderRow[];
}

export interface OrdersPage extends RowsPage {
  meta: PageMeta;
}

export interface OrdersCursorPage extends RowsPage {
  meta: CursorMeta;
}

/** Returns the same array when no row changed, so caches and renders are left alone. */
export function mapRows(rows: OrderRow[], update: (row: OrderRow) => OrderRow): OrderRow[] {
  let changed = false;
  const next = rows.map((row) => {
    const updated = update(row);
    if (updated !== row) changed = true;
    return updated;
  });
  return changed ? next : rows;
}
