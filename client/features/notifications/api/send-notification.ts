// Admins send a notification to one user or to everybody. The sender's own copy (for `all`) arrives on the
// stream like anybody's, so nothing is written to the cache here.
import { useMutation } from '@tanstack/react-query';
import type { SendNotification, SendResult } from '../../../../server/contract/notifications';
import { api } from '../../../shared/api/api-client';
import { notificationsKeys } from './notifications-keys';

export const sendNotification = (input: SendNotification): Promise<SendResult> =>
  api.post<SendResult>('/api/notifications', input);

export const useSendNotification = () =>
  useMutation({ mutationKey: notificationsKeys.send(), mutationFn: sendNotification });
