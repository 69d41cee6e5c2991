import type { OrderStatus } from '../../../../server/contract/orders';
import { STATUS_LABELS } from './order-format';

/** The word carries the meaning; the colour repeats it for a quicker scan. */
export function StatusBadge({ status, deleted }: { status: OrderStatus; deleted?: boolean }) {
  if (deleted) return <span className="status-badge status-badge-deleted">Deleted</span>;
  return <span className={`status-badge status-badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
