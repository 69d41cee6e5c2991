// Edits are optimistic: the dialog closes on submit and the row shows the new values at once. A refusal (someone
// else changed the order first, or any error) puts the row back and is reported in the notices.
import { useRef, useState, type FormEvent } from 'react';
import type { OrderStatus, PatchOrder } from '../../../../server/contract/orders';
import { ModalDialog } from '../../../shared/components/modal-dialog';
import { TextField } from '../../../shared/components/text-field';
import type { OrderRow } from '../api/order-rows';
import { useUpdateOrder } from '../api/update-order';
import { useFocusFirstInvalid } from '../hooks/use-focus-first-invalid';
import { formatCentsForInput, parseMoney } from './money';
import { StatusSelect } from './status-select';

export function EditOrderDialog({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const updateMutation = useUpdateOrder();
  const [status, setStatus] = useState<OrderStatus>(order.status);
  const [amount, setAmount] = useState(formatCentsForInput(order.amount_cents));
  const [amountError, setAmountError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(amount);
    if (!parsed.ok) {
      setAmountError(parsed.error);
      setAttempt((n) => n + 1);
      return;
    }
    const patch: PatchOrder = {};
    if (status !== order.status) patch.status = status;
    if (parsed.cents !== order.amount_cents) patch.amount_cents = parsed.cents;
    if (Object.keys(patch).length > 0) updateMutation.mutate({ order, patch });
    onClose();
  };

  return (
    <ModalDialog title={`Edit order ${order.id}`} onClose={onClose}>
      <form ref={formRef} className="dialog-form" noValidate onSubmit={submit}>
        <p className="dialog-lead">
          {order.customer} · {order.item}
        </p>
        <StatusSelect value={status} onChange={setStatus} autoFocusInDialog />
        <TextField
          label="Amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value);
            setAmountError(undefined);
          }}
          error={amountError}
          hint="In dollars, e.g. 1234.56"
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save changes
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
