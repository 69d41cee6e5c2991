// Deletes an order conditionally (If-Match). The row is marked deleted at once and stays in place, so the rows
// below do not move; on failure the mark is taken off again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/api-client';
import { notify } from '../stores/notices-store';
import { findCachedOrder, putCachedOrder } from './orders-cache';
import { ordersKeys } from './orders-keys';
import type { OrderRow } from './order-rows';
import { refetchListsNeverLoaded, reportWriteFailure } from './write-failures';

export const deleteOrder = (order: OrderRow): Promise<void> =>
  api.delete(`/api/orders/${order.id}`, { 'If-Match': `"${order.version}"` });

export function useDeleteOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ordersKeys.remove(),
    mutationFn: deleteOrder,
    onMutate: async (order) => {
      await queryClient.cancelQueries({ queryKey: ordersKeys.lists() });
      const previous = findCachedOrder(queryClient, order.id) ?? order;
      putCachedOrder(queryClient, { ...previous, deleted: true }, (cached) => cached.version === previous.version);
      return { previous };
    },
    onError: (error, order, context) => {
      const previous = context?.previous;
      if (previous) putCachedOrder(queryClient, previous, (cached) => cached.version === previous.version);
      reportWriteFailure(queryClient, error, order.id, 'delete');
    },
    onSuccess: (_nothing, order) => notify('success', `Order ${order.id} deleted.`),
    onSettled: () => refetchListsNeverLoaded(queryClient),
  });
}
