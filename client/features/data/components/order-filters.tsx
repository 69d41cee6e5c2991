import { useCallback, useId } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../../server/contract/orders';
import type { OrdersView } from '../hooks/orders-view-params';
import type { UpdateView } from '../hooks/use-orders-view';
import { STATUS_LABELS } from './order-format';
import { SearchBox } from './search-box';

interface OrderFiltersProps {
  view: OrdersView;
  updateView: UpdateView;
}

export function OrderFilters({ view, updateView }: OrderFiltersProps) {
  const fromId = useId();
  const toId = useId();
  const hasFilters = view.statuses.length > 0 || view.q !== '' || view.createdFrom !== '' || view.createdTo !== '';

  const search = useCallback((q: string) => updateView({ q }, { replace: true }), [updateView]);

  const toggleStatus = (status: OrderStatus, checked: boolean) => {
    const statuses = checked ? [...view.statuses, status] : view.statuses.filter((s) => s !== status);
    updateView({ statuses: ORDER_STATUSES.filter((s) => statuses.includes(s)) });
  };

  return (
    <section className="card order-filters" aria-label="Filters">
      <SearchBox value={view.q} onSearch={search} />
      <fieldset className="status-filter">
        <legend>Status</legend>
        {ORDER_STATUSES.map((status) => (
          <label key={status} className="checkbox">
            <input
              type="checkbox"
              checked={view.statuses.includes(status)}
              onChange={(event) => toggleStatus(status, event.target.checked)}
            />
            {STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <div className="filter-field">
        <label htmlFor={fromId}>Created from</label>
        <input
          id={fromId}
          type="date"
          value={view.createdFrom}
          max={view.createdTo || undefined}
          onChange={(event) => updateView({ createdFrom: event.target.value })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor={toId}>Created to</label>
        <input
          id={toId}
          type="date"
          value={view.createdTo}
          min={view.createdFrom || undefined}
          onChange={(event) => updateView({ createdTo: event.target.value })}
        />
      </div>
      {hasFilters && (
        <button
          type="button"
          className="button button-quiet clear-filters"
          onClick={() => updateView({ statuses: [], q: '', createdFrom: '', createdTo: '' })}
        >
          Clear filters
        </button>
      )}
    </section>
  );
}
