import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationSettings } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { notificationsKeys } from './notifications-keys';

export const getNotificationSettings = (signal?: AbortSignal): Promise<NotificationSettings> =>
  api.get<NotificationSettings>('/api/notifications/settings', signal);

export const notificationSettingsQueryOptions = () =>
  queryOptions({
    queryKey: notificationsKeys.settings(),
    queryFn: ({ signal }) => getNotificationSettings(signal),
    // Changed only by this person, on the settings form: no need to ask again on every focus.
    staleTime: 5 * 60_000,
  });

export const useNotificationSettings = () => useQuery(notificationSettingsQueryOptions());
