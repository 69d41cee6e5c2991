// The transport lab over HTTP: the server clock (for clock-offset estimation), what each transport is doing, and
// the faults an admin can inject to watch the transports cope.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BurstBody,
  BurstResult,
  DELIVERY_TRANSPORTS,
  DropResult,
  LabStats,
  ServerTime,
  StallBody,
  StallResult,
  type DeliveryTransport,
} from '../contract/lab.js';
import { problemResponses } from '../http/responses.js';
import { burst, stall } from '../lab/faults.js';

const labRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const security = [{ session: [] }];
  const { lab } = fastify;

  fastify.get(
    '/time',
    {
      // Asked several times in a row to estimate the offset; as cheap as the health check and limited like it.
      config: { rateLimit: false },
      schema: { tags: ['lab'], summary: 'The server clock, for clock-offset estimation', response: { 200: ServerTime } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { now: Date.now() };
    },
  );

  fastify.get(
    '/lab/stats',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['lab'],
        summary: 'Open connections, feed requests and deliveries per transport, CPU and event-loop delay',
        security,
        response: { 200: LabStats, ...problemResponses(401, 429) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const { connections, orders, ticker } = fastify;
      const events = DELIVERY_TRANSPORTS.map((t) => [t, lab.metrics.events(t)] as const);
      const pick = (key: 'total' | 'perSecond') =>
        Object.fromEntries(events.map(([t, e]) => [t, e[key]])) as Record<DeliveryTransport, number>;
      const feed = (mode: 'poll' | 'long_poll') => {
        const { total, perSecond } = lab.metrics.feedRequests(mode);
        return { total, per_s: perSecond };
      };
      const sample = lab.process.last();
      return {
        at: Date.now(),
        connections: {
          http: connections.count('http'),
          sse: connections.count('sse'),
          websocket: connections.count('websocket'),
          polling: connections.count('polling'),
          long_poll: connections.count('long_poll'),
        },
        feed_requests: { poll: feed('poll'), long_poll: feed('long_poll') },
        events_delivered: { total: pick('total'), per_s: pick('perSecond') },
        process: { cpu_percent: sample.cpuPercent, event_loop_delay_ms: sample.eventLoopDelayMs, sample_interval_ms: sample.intervalMs },
        ticker: { rate: ticker.rate() },
        head_seq: orders.head(),
      };
    },
  );

  fastify.post(
    '/lab/faults/drop',
    {
      preHandler: fastify.requireAdmin,
      schema: {
        tags: ['lab'],
        summary: 'Cut every change stream: SSE streams, held long polls and /live sockets (admin only)',
        security,
        response: { 200: DropResult, ...problemResponses(401, 403, 429) },
      },
    },
    async (request) => {
      const counts = lab.drops.dropAll();
      request.log.info({ counts, by: request.auth?.user.username }, 'lab: dropped connections');
      return { sse: counts.sse, long_polls: counts.long_poll, sockets: counts.socket };
    },
  );

  fastify.post(
    '/lab/faults/stall',
    {
      preHandler: fastify.requireAdmin,
      schema: {
        tags: ['lab'],
        summary: 'Hold the event loop for `ms` once this answer is out (admin only)',
        security,
        body: StallBody,
        response: { 200: StallResult, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const { ms } = request.body;
      request.log.info({ ms, by: request.auth?.user.username }, 'lab: stalling the event loop');
      // After the answer has been handed to the kernel, so the caller gets it and then watches everything freeze.
      reply.raw.once('finish', () => setImmediate(() => stall(ms)));
      return { stalledMs: ms };
    },
  );

  fastify.post(
    '/lab/faults/burst',
    {
      preHandler: fastify.requireAdmin,
      schema: {
        tags: ['lab'],
        summary: 'Create many orders at once, one change each with consecutive seqs (admin only)',
        security,
        body: BurstBody,
        response: { 200: BurstResult, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request) => {
      const result = await burst(fastify.orders, request.body.count);
      request.log.info({ ...result, by: request.auth?.user.username }, 'lab: burst written');
      return result;
    },
  );
};

export default labRoutes;
