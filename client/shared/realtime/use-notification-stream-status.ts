import { useSyncExternalStore } from 'react';
import { notificationStream } from './notification-stream';
import type { SharedStreamStatus } from './shared-event-stream';

export function useNotificationStreamStatus(): SharedStreamStatus {
  return useSyncExternalStore(notificationStream.subscribe, notificationStream.getStatus, notificationStream.getStatus);
}
