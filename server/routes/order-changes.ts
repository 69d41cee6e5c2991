// The change feed over plain HTTP: short polls, long polls (`wait`) and conditional requests. A feed that has
// not moved is answered from the in-memory head alone: the ETag is built from (head, after, limit), which fully
// determine the answer because the log is append-only and the read stops at the head.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChangesPage, ChangesQuery, FeedHead } from '../contract/orders.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { problemResponses } from '../http/responses.js';

const CACHE_CONTROL = 'private, no-cache';
/** No body at all: a serialized `null` would be announced as `Content-Length: 4` on a 304, which stalls clients. */
const NotModified = Type.Unsafe<undefined>({ description: 'The feed has not moved' });

type WaitOutcome = 'changed' | 'timeout' | 'gone' | 'closing';

const orderChangeRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const security = [{ session: [] }];
  const wakeOnClose = new Set<() => void>();
  let closing = false;

  // Held long polls would keep the server from closing for up to their `wait`: answer them now.
  fastify.addHook('preClose', async () => {
    closing = true;
    for (const wake of wakeOnClose) wake();
  });

  /** Settles when a change after `after` commits, `seconds` pass, the client goes away or the app closes. */
  function waitForChange(request: FastifyRequest, after: number, seconds: number): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      const release = fastify.connections.open('long_poll');
      // The lab's drop fault cuts the TCP connection, as a network failure would; the client polls again from `after`.
      const untrack = fastify.lab.drops.track('long_poll', () => request.raw.socket.destroy());
      let settled = false;
      const settle = (outcome: WaitOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe();
        request.raw.off('close', onGone);
        wakeOnClose.delete(onClosing);
        untrack();
        release();
        resolve(outcome);
      };
      const onGone = () => settle('gone');
      const onClosing = () => settle('closing');
      const timer = setTimeout(() => settle('timeout'), seconds * 1000);
      const unsubscribe = fastify.bus.subscribe('orders.changed', ({ lastSeq }) => {
        if (lastSeq > after) settle('changed');
      });
      request.raw.on('close', onGone);
      wakeOnClose.add(onClosing);
    });
  }

  fastify.get(
    '/orders/changes',
    {
      preHandler: fastify.requireUser,
      // Pollers, long polls and the cheap 304 path must not be throttled by the global per-user limit.
      config: { rateLimit: false },
      schema: {
        tags: ['orders'],
        summary: 'Changes to orders after a sequence number (poll, long poll, or conditional request)',
        security,
        querystring: ChangesQuery,
        response: { 200: ChangesPage, 304: NotModified, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { after, limit, wait } = request.query;
      // Counted as the lab sees the feed: a request with `wait` is a long-poll client, whatever the answer.
      const mode = wait > 0 ? 'long_poll' : 'poll';
      fastify.lab.metrics.feedRequest(mode);
      let head = fastify.orders.head();
      if (head === after && wait > 0 && !closing) {
        const outcome = await waitForChange(request, after, wait);
        // The client has left and Fastify discards the answer: send the cheapest one, without the database.
        if (outcome === 'gone') return { data: [], meta: { last_seq: after, has_more: false, head_seq: head } };
        head = fastify.orders.head();
      }

      const etag = `W/"feed-${head}-${after}-${limit}"`;
      reply.headers({ etag, 'cache-control': CACHE_CONTROL });
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
      if (head <= after) return { data: [], meta: { last_seq: after, has_more: false, head_seq: head } };

      const started = performance.now();
      const data = await fastify.orders.changes(after, head, limit);
      fastify.lab.metrics.delivered(mode, data.length);
      reply.header('server-timing', `db;dur=${(performance.now() - started).toFixed(2)}`);
      const lastSeq = data.at(-1)?.seq ?? after;
      return { data, meta: { last_seq: lastSeq, has_more: lastSeq < head, head_seq: head } };
    },
  );

  fastify.get(
    '/orders/changes/head',
    {
      preHandler: fastify.requireUser,
      config: { rateLimit: false },
      schema: {
        tags: ['orders'],
        summary: 'The newest change seq: read it before loading orders, then follow the feed from it',
        security,
        response: { 200: FeedHead, ...problemResponses(401) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', CACHE_CONTROL);
      return { head_seq: fastify.orders.head() };
    },
  );
};

export default orderChangeRoutes;
