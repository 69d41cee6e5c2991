import { useLiveUpdatesStore } from '../stores/live-updates-store';
import { formatCount } from './order-format';

/** New orders are announced, never inserted: rows only move when the person asks for it. */
export function NewOrdersBanner({ onShow }: { onShow: () => void }) {
  const count = useLiveUpdatesStore((state) => state.newOrderIds.length);
  return (
    // The live region stays mounted so screen readers announce the banner when it appears.
    <div className="new-orders-slot" role="status">
      {count > 0 && (
        <div className="new-orders-banner">
          <span>
            {formatCount(count)} new {count === 1 ? 'order' : 'orders'}
          </span>
          <span aria-hidden="true">—</span>
          <button
            type="button"
            className="button button-primary button-small"
            onClick={onShow}
            aria-label="Show new orders"
          >
            Show
          </button>
        </div>
      )}
    </div>
  );
}
