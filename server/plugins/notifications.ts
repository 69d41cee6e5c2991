// Notifications: the service every feature notifies through (`fastify.notify`) and the reads and read-state
// changes the routes use. Content is stored before anything is published, so no subscriber ever sees an event
// whose notification it cannot read.
import fp from 'fastify-plugin';
import { createNotificationsService, type NotificationsService, type Notify } from '../notifications/notifications-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    notifications: NotificationsService;
    /** Stores a notification for these users (or `'all'`) and pushes it to their open streams. */
    notify: Notify;
  }
}

export default fp(
  async (fastify) => {
    const notifications = createNotificationsService(fastify.repos.notifications, fastify.bus);
    fastify.decorate('notifications', notifications);
    fastify.decorate('notify', notifications.notify);
  },
  { name: 'notifications', dependencies: ['database', 'bus'] },
);
