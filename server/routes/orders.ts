// Orders over REST: list (page or cursor mode), read, create, patch and delete. Every write goes through the
// orders service, which records it in the change feed. An order's ETag is `"<version>"`; If-Match on PATCH and
// DELETE turns a lost update into a 412 that carries the current order.
import { cachedCount } from '../orders/count-cache.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateOrder, LIST_MODES, ListOrdersQuery, Order, OrderId, OrderList, PatchOrder, StaleOrderProblem } from '../contract/orders.js';
import { ApiError } from '../http/problem.js';
import { problemResponses } from '../http/responses.js';
import { createCursorCodec } from '../orders/cursor.js';
import { isCursorMode, listCursor, listPage, type Timer } from '../orders/listing.js';
import { OrderNotFoundError, OrderVersionMismatchError } from '../orders/orders-service.js';

export interface OrderRouteOptions {
  /** Signs list cursors. */
  cursorSecret: string;
}

const CACHE_CONTROL = 'private, no-cache';
const etagOf = (order: Order) => `"${order.version}"`;

const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'The ETag (`"<version>"`) you last saw: the write is refused with 412 if the order has changed since' }),
  ),
});

/**
 * The versions If-Match accepts, or undefined when it accepts any (`*` or no header). Weak tags never match a
 * strong comparison (RFC 9110 §13.1.1), so a header of only weak tags accepts none.
 */
export function ifMatchVersions(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const versions: number[] = [];
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    const strong = /^"(\d{1,15})"$/.exec(tag);
    if (strong) versions.push(Number(strong[1]));
    else if (!/^(W\/)?"[^"]*"$/.test(tag)) {
      throw new ApiError('validation_failed', 'header.if-match is not a list of entity tags', {
        errors: [{ field: 'header.if-match', message: 'is not a list of entity tags such as "3"' }],
      });
    }
  }
  return versions;
}

function asProblem(error: unknown): unknown {
  if (error instanceof OrderNotFoundError) return new ApiError('not_found', error.message);
  if (error instanceof OrderVersionMismatchError) {
    const { current } = error;
    return new ApiError('precondition_failed', `Order ${current.id} has changed: it is at version ${current.version}.`, {
      members: { current },
      headers: { etag: etagOf(current) },
    });
  }
  return error;
}

const orderRoutes: FastifyPluginAsyncTypebox<OrderRouteOptions> = async (fastify, opts) => {
  const codec = createCursorCodec(opts.cursorSecret);
  const repo = fastify.repos.orders;
  const pageModeRepo = { ...repo, count: cachedCount((filters) => repo.count(filters), () => fastify.orders.head()) };
  const security = [{ session: [] }];

  fastify.get(
    '/orders',
    {
      preHandler: fastify.requireUser,
      // Every signed-in user sees the same list, and it changes only with the change feed.
      config: { answerCache: { version: () => fastify.orders.head() } },
      schema: {
        tags: ['orders'],
        summary: 'List orders (page mode or cursor mode)',
        description:
          `${LIST_MODES} The \`Link\` header (RFC 8288) has \`first\`, \`prev\`, \`next\` and \`last\` as they apply, ` +
          'keeping the filters; `Server-Timing: db;dur=<ms>` reports the time spent in the database.',
        security,
        querystring: ListOrdersQuery,
        response: { 200: OrderList, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      let dbMs = 0;
      const timer: Timer = {
        async time(work) {
          const started = performance.now();
          try {
            return await work();
          } finally {
            dbMs += performance.now() - started;
          }
        },
      };
      const path = request.url.split('?')[0]!;
      const result = isCursorMode(request.query)
        ? await listCursor(repo, timer, codec, fastify.orders.head(), request.query, path)
        : await listPage(pageModeRepo, timer, request.query, path);
      reply.headers({ link: result.link, 'cache-control': CACHE_CONTROL, 'server-timing': `db;dur=${dbMs.toFixed(2)}` });
      return { data: result.data, meta: result.meta };
    },
  );

  fastify.get(
    '/orders/:id',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['orders'],
        summary: 'One order (ETag `"<version>"`)',
        security,
        params: OrderId,
        response: { 200: Order, ...problemResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const order = await fastify.orders.findById(request.params.id);
      if (!order) throw new ApiError('not_found', `There is no order ${request.params.id}.`);
      reply.headers({ etag: etagOf(order), 'cache-control': CACHE_CONTROL });
      return order;
    },
  );

  fastify.post(
    '/orders',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['orders'],
        summary: 'Create an order',
        security,
        body: CreateOrder,
        response: { 201: Order, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const order = await fastify.orders.create(request.body);
      const location = `${request.url.split('?')[0]!.replace(/\/$/, '')}/${order.id}`;
      return reply.code(201).headers({ location, etag: etagOf(order) }).send(order);
    },
  );

  fastify.patch(
    '/orders/:id',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['orders'],
        summary: 'Change an order (optionally only if it is still at the version in If-Match)',
        security,
        params: OrderId,
        headers: IfMatchHeaders,
        body: PatchOrder,
        response: { 200: Order, 412: StaleOrderProblem, ...problemResponses(400, 401, 403, 404, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const versions = ifMatchVersions(request.headers['if-match']);
      try {
        const order = await fastify.orders.update(request.params.id, request.body, versions);
        reply.header('etag', etagOf(order));
        return order;
      } catch (error) {
        throw asProblem(error);
      }
    },
  );

  fastify.delete(
    '/orders/:id',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['orders'],
        summary: 'Delete an order (optionally only if it is still at the version in If-Match)',
        security,
        params: OrderId,
        headers: IfMatchHeaders,
        response: {
          204: Type.Null({ description: 'Deleted' }),
          412: StaleOrderProblem,
          ...problemResponses(400, 401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const versions = ifMatchVersions(request.headers['if-match']);
      try {
        await fastify.orders.remove(request.params.id, versions);
      } catch (error) {
        throw asProblem(error);
      }
      return reply.code(204).send(null);
    },
  );
};

export default orderRoutes;
