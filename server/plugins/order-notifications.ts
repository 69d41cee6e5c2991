// Order events become notifications for the users who opted in (large orders, cancellations, refunds). The
// notifier keeps its position in the database and stops before the database closes.
import fp from 'fastify-plugin';
import { createOrderNotifier } from '../notifications/order-notifier.js';

export default fp(
  async (fastify, opts: { intervalMs: number }) => {
    const notifier = createOrderNotifier(
      {
        orders: fastify.orders,
        repo: fastify.repos.notifications,
        notifications: fastify.notifications,
        bus: fastify.bus,
        log: fastify.log,
      },
      { intervalMs: opts.intervalMs },
    );
    await notifier.start();
    fastify.addHook('preClose', async () => notifier.stop());
  },
  { name: 'order-notifications', dependencies: ['orders', 'notifications', 'bus'] },
);
