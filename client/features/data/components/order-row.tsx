import { memo } from 'react';
import type { OrderRow } from '../api/order-rows';
import { useLiveUpdatesStore } from '../stores/live-updates-store';
import { formatMoney } from './money';
import { formatDateTime } from './order-format';
import type { OrderActions } from './orders-table';
import { StatusBadge } from './status-badge';

interface OrderRowViewProps {
  row: OrderRow;
  /** 1-based position in the whole list, the header row being 1; left out when unknown. */
  ariaRowIndex: number | undefined;
  actions: OrderActions;
}

function rowClass(row: OrderRow, flash: number | undefined): string | undefined {
  const classes: string[] = [];
  // Two identical animations under two names: switching name restarts it when a row changes again mid-flash.
  if (flash !== undefined) classes.push(flash % 2 ? 'row-flash-a' : 'row-flash-b');
  if (row.deleted) classes.push('row-deleted');
  if (row.saving) classes.push('row-saving');
  return classes.length ? classes.join(' ') : undefined;
}

export const OrderRowView = memo(function OrderRowView({ row, ariaRowIndex, actions }: OrderRowViewProps) {
  const flash = useLiveUpdatesStore((state) => state.flashing[row.id]);
  return (
    <tr className={rowClass(row, flash)} aria-rowindex={ariaRowIndex} data-order-id={row.saving ? undefined : row.id}>
      <td className="cell-id">{row.saving ? '—' : row.id}</td>
      <td className="cell-created">
        <time dateTime={new Date(row.created_at).toISOString()}>{formatDateTime(row.created_at)}</time>
      </td>
      <td className="cell-text" title={row.customer}>
        {row.customer}
      </td>
      <td className="cell-text" title={row.item}>
        {row.item}
      </td>
      <td className="cell-amount">{formatMoney(row.amount_cents)}</td>
      <td>
        <StatusBadge status={row.status} deleted={row.deleted} />
      </td>
      <td className="cell-actions">
        {row.saving ? (
          <span className="row-note">Saving…</span>
        ) : (
          !row.deleted && (
            <>
              <button
                type="button"
                className="button button-small"
                aria-label={`Edit order ${row.id}`}
                onClick={() => actions.edit(row)}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button-small button-danger-quiet"
                aria-label={`Delete order ${row.id}`}
                onClick={() => actions.remove(row)}
              >
                Delete
              </button>
            </>
          )
        )}
      </td>
    </tr>
  );
});
