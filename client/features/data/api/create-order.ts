// Creates an order. Where the new order belongs at the very top of a cached list (newest first, first page,
// matching filters) a stand-in row appears at once and is swapped for the saved order; elsewhere nothing moves.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrder, Order } from '../../../../server/contract/orders';
import { api } from '../../../shared/api/api-client';
import { useLiveUpdatesStore } from '../stores/live-updates-store';
import { notify } from '../stores/notices-store';
import { insertAtTop, removeCachedRow, updateCachedRows } from './orders-cache';
import { ordersKeys } from './orders-keys';
import type { OrderRow } from './order-rows';
import { refetchListsNeverLoaded } from './write-failures';

export const createOrder = (input: CreateOrder): Promise<Order> => api.post<Order>('/api/orders', input);

// Real ids start at 1, so negative ones can never collide with them.
let lastStandInId = 0;

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ordersKeys.create(),
    mutationFn: createOrder,
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: ordersKeys.lists() });
      lastStandInId -= 1;
      const now = Date.now();
      const standIn: OrderRow = {
        ...input,
        id: lastStandInId,
        status: input.status ?? 'pending',
        created_at: now,
        updated_at: now,
        version: 0,
        saving: true,
      };
      insertAtTop(queryClient, standIn);
      return { standInId: standIn.id };
    },
    onError: (_error, _input, context) => {
      if (context) removeCachedRow(queryClient, context.standInId);
    },
    onSuccess: (order, _input, context) => {
      if (context) updateCachedRows(queryClient, (row) => (row.id === context.standInId ? order : row));
      // The feed will report this order as created; it is not news to the person who created it.
      useLiveUpdatesStore.getState().markSeen(order.id);
      notify('success', `Order ${order.id} created.`);
    },
    onSettled: () => refetchListsNeverLoaded(queryClient),
  });
}
