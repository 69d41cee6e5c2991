import { useId } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../../server/contract/orders';
import { STATUS_LABELS } from './order-format';

interface StatusSelectProps {
  value: OrderStatus;
  onChange: (status: OrderStatus) => void;
  autoFocusInDialog?: boolean;
}

export function StatusSelect({ value, onChange, autoFocusInDialog = false }: StatusSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Status</label>
      <select
        id={id}
        name="status"
        data-autofocus={autoFocusInDialog || undefined}
        value={value}
        onChange={(event) => onChange(event.target.value as OrderStatus)}
      >
        {ORDER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </div>
  );
}
