// The activity ticker's rate: anyone signed in may read it (the dashboard shows it), only an admin may change it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TickerState } from '../contract/orders.js';
import { problemResponses } from '../http/responses.js';

const tickerRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const security = [{ session: [] }];

  fastify.get(
    '/ticker',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['ticker'],
        summary: 'The simulated activity rate',
        security,
        response: { 200: TickerState, ...problemResponses(401, 429) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'private, no-cache');
      return { rate: fastify.ticker.rate() };
    },
  );

  fastify.put(
    '/ticker',
    {
      preHandler: fastify.requireAdmin,
      schema: {
        tags: ['ticker'],
        summary: 'Set the simulated activity rate (admin only; not kept across restarts, where TICK_RATE applies)',
        security,
        body: TickerState,
        response: { 200: TickerState, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request) => {
      fastify.ticker.setRate(request.body.rate);
      request.log.info({ rate: request.body.rate, by: request.auth?.user.username }, 'ticker rate set');
      return { rate: fastify.ticker.rate() };
    },
  );
};

export default tickerRoutes;
