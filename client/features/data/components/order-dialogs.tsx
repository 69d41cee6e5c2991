import type { OrderRow } from '../api/order-rows';
import { CreateOrderDialog } from './create-order-dialog';
import { DeleteOrderDialog } from './delete-order-dialog';
import { EditOrderDialog } from './edit-order-dialog';

export type OrderDialog =
  | { kind: 'create' }
  | { kind: 'edit'; order: OrderRow }
  | { kind: 'delete'; order: OrderRow }
  | null;

/** At most one dialog at a time; each is mounted only while open. */
export function OrderDialogs({ dialog, onClose }: { dialog: OrderDialog; onClose: () => void }) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateOrderDialog onClose={onClose} />;
    case 'edit':
      return <EditOrderDialog key={dialog.order.id} order={dialog.order} onClose={onClose} />;
    case 'delete':
      return <DeleteOrderDialog key={dialog.order.id} order={dialog.order} onClose={onClose} />;
  }
}
