import { ModalDialog } from '../../../shared/components/modal-dialog';
import { useDeleteOrder } from '../api/delete-order';
import type { OrderRow } from '../api/order-rows';
import { formatMoney } from './money';

/** Deleting cannot be undone, so it is confirmed (Cancel has focus); after that it is optimistic like an edit. */
export function DeleteOrderDialog({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const deleteMutation = useDeleteOrder();
  return (
    <ModalDialog title={`Delete order ${order.id}?`} onClose={onClose}>
      <p>
        {order.customer} · {order.item} · {formatMoney(order.amount_cents)}
      </p>
      <p>This cannot be undone.</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            deleteMutation.mutate(order);
            onClose();
          }}
        >
          Delete
        </button>
      </div>
    </ModalDialog>
  );
}
