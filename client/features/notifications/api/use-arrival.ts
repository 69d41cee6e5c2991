import { skipToken, useQuery } from '@tanstack/react-query';
import type { Notification } from '../../../../server/contract/notifications';
import { notificationsKeys } from './notifications-keys';

/**
 * A notification that arrived on the stream, as the cache holds it now (read elsewhere, or gone once deleted).
 * There is nothing to fetch: the stream put it there.
 */
export const useArrival = (id: number) =>
  useQuery<Notification>({ queryKey: notificationsKeys.arrival(id), queryFn: skipToken });
