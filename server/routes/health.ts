import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health, Readiness } from '../contract/health.js';
import { ApiError } from '../http/problem.js';
import { problemResponses } from '../http/responses.js';

const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: Health } }, config: { rateLimit: false } },
    async () => ({ status: 'ok' as const }),
  );

  fastify.get(
    '/ready',
    {
      schema: { tags: ['health'], summary: 'Readiness: the database answers', response: { 200: Readiness, ...problemResponses(503) } },
      config: { rateLimit: false },
    },
    async () => {
      if (!(await fastify.database.ping())) throw new ApiError('not_ready', 'The database does not answer.');
      return { status: 'ready' as const, checks: { database: 'ok' as const } };
    },
  );
};

export default healthRoutes;
