// The browser's one notification stream (GET /api/notifications/stream), shared by its tabs. Like the socket it
// is a plain module: the app opens it while someone is signed in, features listen to its events, and the header
// shows its status.
import { NOTIFICATION_EVENTS, type NotificationStreamEvents } from '../../../server/contract/notifications';
import { createEventStreamConnection } from './event-stream-connection';
import { createSharedEventStream } from './shared-event-stream';

export const NOTIFICATION_STREAM_URL = '/api/notifications/stream';

export const notificationStream = createSharedEventStream<NotificationStreamEvents>({
  name: 'switchboard-notifications-stream',
  createConnection: () =>
    createEventStreamConnection({ url: NOTIFICATION_STREAM_URL, events: Object.values(NOTIFICATION_EVENTS) }),
});
