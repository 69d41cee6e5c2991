import fp from 'fastify-plugin';
import { createInProcessBus, type EventBus } from '../bus/event-bus.js';

declare module 'fastify' {
  interface FastifyInstance {
    bus: EventBus;
  }
}

export default fp(
  async (fastify, opts: { bus?: EventBus }) => {
    const bus = opts.bus ?? createInProcessBus();
    fastify.decorate('bus', bus);
    fastify.addHook('onClose', async () => bus.close());
  },
  { name: 'bus' },
);
