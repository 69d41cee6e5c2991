// What a failed edit or delete means for the cache and what the person is told. A 412 carries the order as it is
// now: it replaces the row and the message says what changed. A 404 means someone deleted it first.
import type { QueryClient } from '@tanstack/react-query';
import type { Order } from '../../../../server/contract/orders';
import { isApiError } from '../../../shared/api/api-error';
import { describeError } from '../../../shared/api/describe-error';
import { formatMoney } from '../components/money';
import { STATUS_LABELS } from '../components/order-format';
import { useLiveUpdatesStore } from '../stores/live-updates-store';
import { notify } from '../stores/notices-store';
import { putCachedOrder, updateCachedRows } from './orders-cache';
import { ordersKeys } from './orders-keys';

export type WriteAction = 'change' | 'delete';

/** The newer order in a `precondition_failed` problem (StaleOrderProblem), if the answer has one. */
export function staleOrderFrom(error: unknown): Order | undefined {
  if (!isApiError(error, 'precondition_failed')) return undefined;
  const current = (error.problem as { current?: unknown }).current;
  if (typeof current !== 'object' || current === null) return undefined;
  const order = current as Partial<Order>;
  const looksLikeOrder =
    typeof order.id === 'number' &&
    typeof order.version === 'number' &&
    typeof order.status === 'string' &&
    typeof order.amount_cents === 'number';
  return looksLikeOrder ? (current as Order) : undefined;
}

export function conflictMessage(current: Order, action: WriteAction): string {
  const now = `${STATUS_LABELS[current.status].toLowerCase()}, ${formatMoney(current.amount_cents)}`;
  const outcome = action === 'change' ? 'Your change was not saved.' : 'It was not deleted.';
  return `Someone changed order ${current.id}: now ${now}. ${outcome}`;
}

/** Call after rolling the optimistic change back. */
export function reportWriteFailure(queryClient: QueryClient, error: unknown, id: number, action: WriteAction): void {
  const current = staleOrderFrom(error);
  if (current) {
    putCachedOrder(queryClient, current, (cached) => cached.version <= current.version);
    useLiveUpdatesStore.getState().flash([current.id]);
    notify('error', conflictMessage(current, action));
    return;
  }
  if (isApiError(error, 'not_found')) {
    updateCachedRows(queryClient, (row) => (row.id === id && !row.deleted ? { ...row, deleted: true } : row));
    notify('error', `Order ${id} no longer exists: someone deleted it.`);
    return;
  }
  const what = action === 'change' ? `Your change to order ${id} was not saved` : `Order ${id} was not deleted`;
  notify('error', `${what}. ${describeError(error)}`);
}

/**
 * A list whose first load was cancelled to protect an optimistic change has no data to go back to and would wait
 * forever; ask for it again.
 */
export function refetchListsNeverLoaded(queryClient: QueryClient): void {
  void queryClient.refetchQueries({
    queryKey: ordersKeys.lists(),
    type: 'active',
    predicate: (query) => query.state.data === undefined && query.state.fetchStatus === 'idle',
  });
}
