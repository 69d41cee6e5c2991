// The dialog stays open until the server has the order, so a refused request keeps what was typed and says why.
import { useRef, useState, type FormEvent } from 'react';
import type { OrderStatus } from '../../../../server/contract/orders';
import { ApiError } from '../../../shared/api/api-error';
import { describeError } from '../../../shared/api/describe-error';
import { ModalDialog } from '../../../shared/components/modal-dialog';
import { TextField } from '../../../shared/components/text-field';
import { useCreateOrder } from '../api/create-order';
import { useFocusFirstInvalid } from '../hooks/use-focus-first-invalid';
import { parseMoney } from './money';
import { checkAmount, checkText, hasErrors, serverFormErrors, type OrderFormErrors } from './order-form-rules';
import { StatusSelect } from './status-select';

export function CreateOrderDialog({ onClose }: { onClose: () => void }) {
  const createMutation = useCreateOrder();
  const [customer, setCustomer] = useState('');
  const [item, setItem] = useState('');
  const [amount, setAmount] = useState('');
  const [status, setStatus] = useState<OrderStatus>('pending');
  const [errors, setErrors] = useState<OrderFormErrors>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(undefined);
    const found: OrderFormErrors = {
      customer: checkText(customer, 'customer'),
      item: checkText(item, 'item'),
      amount: checkAmount(amount),
    };
    setErrors(found);
    const parsed = parseMoney(amount);
    if (hasErrors(found) || !parsed.ok) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const input = { customer: customer.trim(), item: item.trim(), amount_cents: parsed.cents, status };
      await createMutation.mutateAsync(input);
      onClose();
    } catch (error) {
      if (error instanceof ApiError) setErrors(serverFormErrors(error.problem));
      setFormError(describeError(error));
      setAttempt((n) => n + 1);
    }
  };

  const busy = createMutation.isPending;
  return (
    <ModalDialog title="New order" onClose={onClose} busy={busy}>
      <form ref={formRef} className="dialog-form" noValidate onSubmit={(event) => void submit(event)}>
        {formError && (
          <div className="form-alert" role="alert" tabIndex={-1}>
            {formError}
          </div>
        )}
        <TextField
          data-autofocus
          label="Customer"
          name="customer"
          autoComplete="off"
          required
          maxLength={100}
          value={customer}
          onChange={(event) => setCustomer(event.target.value)}
          error={errors.customer}
        />
        <TextField
          label="Item"
          name="item"
          autoComplete="off"
          required
          maxLength={100}
          value={item}
          onChange={(event) => setItem(event.target.value)}
          error={errors.item}
        />
        <TextField
          label="Amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errors.amount}
          hint="In dollars, e.g. 1234.56"
        />
        <StatusSelect value={status} onChange={setStatus} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Creating…' : 'Create order'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
