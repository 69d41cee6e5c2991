// Applies change-feed entries to cached list pages without moving any row. An update replaces the row in place
// (only when it is newer, so replays and this tab's own writes are harmless) and flashes it; a delete marks the
// row; a create is not inserted, it is counted, and the person decides when to reload from the top.
import type { Order, OrderChange } from '../../../../server/contract/orders';
import { mapRows, type OrderRow, type RowsPage } from './order-rows';

export interface AppliedChanges<P extends RowsPage> {
  /** The same array when nothing changed, so a cache entry can be left alone. */
  pages: P[];
  /** Created orders that match the list and are not in it yet, oldest first. */
  newOrderIds: number[];
  /** Rows replaced by a newer version. */
  flashIds: number[];
}

interface Outcome {
  order: Order;
  deleted: boolean;
  created: boolean;
}

/** What the batch leaves behind per order: its last state, whether it was created and whether it is gone. */
function outcomes(changes: readonly OrderChange[]): Map<number, Outcome> {
  const byId = new Map<number, Outcome>();
  for (const change of [...changes].sort((a, b) => a.seq - b.seq)) {
    const before = byId.get(change.order_id);
    byId.set(change.order_id, {
      order: change.order,
      deleted: change.kind === 'deleted',
      created: (before?.created ?? false) || change.kind === 'created',
    });
  }
  return byId;
}

export function applyOrderChanges<P extends RowsPage>(
  pages: P[],
  changes: readonly OrderChange[],
  matches: (order: Order) => boolean = () => true,
): AppliedChanges<P> {
  const byId = outcomes(changes);
  const flash = new Set<number>();
  const present = new Set<number>();

  const updateRow = (row: OrderRow): OrderRow => {
    present.add(row.id);
    const outcome = byId.get(row.id);
    if (!outcome) return row;
    if (outcome.deleted) return row.deleted ? row : { ...row, deleted: true };
    if (outcome.order.version <= row.version) return row;
    flash.add(row.id);
    return outcome.order;
  };

  let changed = false;
  const nextPages = pages.map((page) => {
    const data = mapRows(page.data, updateRow);
    if (data === page.data) return page;
    changed = true;
    return { ...page, data };
  });

  const newOrderIds = [...byId.entries()]
    .filter(([id, outcome]) => outcome.created && !outcome.deleted && !present.has(id) && matches(outcome.order))
    .map(([id]) => id);

  return { pages: changed ? nextPages : pages, newOrderIds, flashIds: [...flash] };
}
