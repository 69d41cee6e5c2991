// One table for both views: a real <table> with column headers, sortable columns as buttons with aria-sort, and
// fixed column widths so rows never reflow as they are replaced or virtualized.
import type { ReactNode } from 'react';
import type { OrderSort, SortOrder } from '../../../../server/contract/orders';
import type { OrderRow } from '../api/order-rows';

export const COLUMN_COUNT = 7;

export interface OrderActions {
  edit: (order: OrderRow) => void;
  remove: (order: OrderRow) => void;
}

interface SortProps {
  sort: OrderSort;
  order: SortOrder;
  onSort: (sort: OrderSort, order: SortOrder) => void;
}

interface SortableHeaderProps extends SortProps {
  column: OrderSort;
  label: string;
  className?: string;
}

function SortableHeader({ column, label, className, sort, order, onSort }: SortableHeaderProps) {
  const active = sort === column;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  // Newest and largest first is what people usually want first; a second click turns it around.
  const next: SortOrder = active && order === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className={`sort-button${active ? ' is-active' : ''}`} onClick={() => onSort(column, next)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

interface OrdersTableProps extends SortProps {
  caption: string;
  /** All rows of the list including the header row, or -1 when the total is unknown. */
  ariaRowCount: number;
  busy?: boolean;
  children: ReactNode;
}

export function OrdersTable({ caption, ariaRowCount, busy = false, children, ...sortProps }: OrdersTableProps) {
  return (
    <table className="orders-table" aria-rowcount={ariaRowCount} aria-busy={busy || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col className="col-id" />
        <col className="col-created" />
        <col className="col-customer" />
        <col className="col-item" />
        <col className="col-amount" />
        <col className="col-status" />
        <col className="col-actions" />
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <SortableHeader column="id" label="ID" {...sortProps} />
          <SortableHeader column="created_at" label="Created" {...sortProps} />
          <th scope="col">Customer</th>
          <th scope="col">Item</th>
          <SortableHeader column="amount" label="Amount" className="cell-amount" {...sortProps} />
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Stands in for rows that are not rendered (virtualized), keeping the scroll height right. */
export function SpacerRow({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={COLUMN_COUNT} style={{ height }} />
    </tr>
  );
}
