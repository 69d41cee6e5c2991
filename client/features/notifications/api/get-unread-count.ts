// The badge. Fetched once, then kept current by the stream's `unread` events, which carry the server's count after
// every change (and on every connect), so a badge that drifted is corrected by the next event.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnreadCount } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { notificationsKeys } from './notifications-keys';

export const getUnreadCount = (signal?: AbortSignal): Promise<UnreadCount> =>
  api.get<UnreadCount>('/api/notifications/unread-count', signal);

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationsKeys.unreadCount(),
    queryFn: ({ signal }) => getUnreadCount(signal),
  });

export const useUnreadCount = () => useQuery(unreadCountQueryOptions());
