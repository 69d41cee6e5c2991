import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { notificationsKeys } from './notifications-keys';

/** The server replaces the whole settings object and answers with what it stored. */
export const saveNotificationSettings = (settings: NotificationSettings): Promise<NotificationSettings> =>
  api.put<NotificationSettings>('/api/notifications/settings', settings);

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: notificationsKeys.saveSettings(),
    mutationFn: saveNotificationSettings,
    onSuccess: (saved) => queryClient.setQueryData(notificationsKeys.settings(), saved),
  });
}
