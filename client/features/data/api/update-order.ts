// Edits an order conditionally (If-Match: the version the person was looking at). The row changes at once; on
// failure it goes back, unless the feed has brought a newer version meanwhile.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Order, PatchOrder } from '../../../../server/contract/orders';
import { api } from '../../../shared/api/api-client';
import { notify } from '../stores/notices-store';
import { findCachedOrder, putCachedOrder } from './orders-cache';
import { ordersKeys } from './orders-keys';
import type { OrderRow } from './order-rows';
import { refetchListsNeverLoaded, reportWriteFailure } from './write-failures';

export interface UpdateOrderVariables {
  /** The order as the person saw it when they started editing. */
  order: OrderRow;
  patch: PatchOrder;
}

export const updateOrder = ({ order, patch }: UpdateOrderVariables): Promise<Order> =>
  api.patch<Order>(`/api/orders/${order.id}`, patch, { 'If-Match': `"${order.version}"` });

export function useUpdateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ordersKeys.update(),
    mutationFn: updateOrder,
    onMutate: async ({ order, patch }) => {
      // A list response in flight was read before this edit and would overwrite it.
      await queryClient.cancelQueries({ queryKey: ordersKeys.lists() });
      const previous = findCachedOrder(queryClient, order.id) ?? order;
      putCachedOrder(queryClient, { ...previous, ...patch }, (cached) => cached.version === previous.version);
      return { previous };
    },
    onError: (error, { order }, context) => {
      const previous = context?.previous;
      if (previous) putCachedOrder(queryClient, previous, (cached) => cached.version === previous.version);
      reportWriteFailure(queryClient, error, order.id, 'change');
    },
    onSuccess: (saved) => {
      putCachedOrder(queryClient, saved, (cached) => cached.version <= saved.version);
      notify('success', `Order ${saved.id} saved.`);
    },
    onSettled: () => refetchListsNeverLoaded(queryClient),
  });
}
