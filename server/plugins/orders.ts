// Orders: the write service every writer goes through (REST and the ticker), and the baseline seed on the first
// start. The seed is one transaction, so a crash halfway leaves an empty table that the next start seeds again.
import fp from 'fastify-plugin';
import { createOrdersService, type OrdersService } from '../orders/orders-service.js';
import { seedOrders } from '../orders/seed.js';

declare module 'fastify' {
  interface FastifyInstance {
    orders: OrdersService;
  }
}

export default fp(
  async (fastify, opts: { seedOrders: number }) => {
    if (opts.seedOrders > 0 && (await fastify.repos.orders.isPristine())) {
      const started = performance.now();
      await seedOrders(fastify.database, { count: opts.seedOrders });
      fastify.log.info({ orders: opts.seedOrders, ms: Math.round(performance.now() - started) }, 'seeded orders');
    }
    const orders = await createOrdersService(fastify.repos.orders, fastify.bus);
    fastify.decorate('orders', orders);
    fastify.addHook('onClose', async () => orders.close());
  },
  { name: 'orders', dependencies: ['database', 'bus'] },
);
