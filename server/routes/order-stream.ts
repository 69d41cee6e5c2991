// GET /api/orders/stream: the order change feed as Server-Sent Events, resumable with Last-Event-ID (= seq). Every
// check that can fail (session, id syntax) runs before the reply is hijacked, so failures are ordinary problems;
// after that the response is an event stream until the client leaves, the session is signed out, the lab drops
// it, or the server shuts down.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ORDER_STREAM_DESCRIPTION,
  ORDER_STREAM_EVENTS,
  ORDER_STREAM_RETRY_MS,
  OrderStreamHeaders,
  OrderStreamQuery,
  type OrderStreamEvents,
} from '../contract/lab.js';
import { Heartbeats } from '../http/heartbeats.js';
import { openEventStream } from '../http/sse.js';
import { problemResponses } from '../http/responses.js';
import { createChangeFollower } from '../lab/change-follower.js';
import { createFollowerHub } from '../lab/follower-hub.js';

export interface OrderStreamOptions {
  heartbeatMs: number;
}

/** On shutdown streams are told to come back within this window, spread so they do not all arrive at once. */
const SHUTDOWN_RETRY_MIN_MS = 250;
const SHUTDOWN_RETRY_SPREAD_MS = 1750;
const shutdownRetry = () => SHUTDOWN_RETRY_MIN_MS + Math.floor(Math.random() * SHUTDOWN_RETRY_SPREAD_MS);

/** Documents the stream's media type; the hijacked reply is never serialized. */
const EventStream = {
  description: 'Events `change` (with `id: <seq>`) and `session`, as in the contract',
  content: { 'text/event-stream': { schema: Type.String() } },
};

const orderStreamRoutes: FastifyPluginAsyncTypebox<OrderStreamOptions> = async (fastify, opts) => {
  const hub = createFollowerHub(fastify.bus);
  const closers = new Set<(retryMs: number) => void>();
  const heartbeats = new Heartbeats(opts.heartbeatMs);
  let closing = false;

  // Open streams would hold the server open: end them now, with a short retry so browsers move to the next server.
  fastify.addHook('preClose', async () => {
    closing = true;
    for (const close of [...closers]) close(shutdownRetry());
    hub.close();
    heartbeats.close();
  });

  fastify.get(
    '/orders/stream',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['orders'],
        summary: 'Changes to orders, pushed as Server-Sent Events (resumable with Last-Event-ID)',
        description: ORDER_STREAM_DESCRIPTION,
        security: [{ session: [] }],
        querystring: OrderStreamQuery,
        headers: OrderStreamHeaders,
        response: { 200: EventStream, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      // The header is the browser's newest position; the query parameters stay in the URL from the first connect.
      const given = request.headers['last-event-id'] ?? request.query.last_event_id ?? request.query.after;
      const resumeAfter = given === undefined ? undefined : Number(given);
      const auth = request.auth!;
      // The closures below outlive the request: they take its logger and socket, not the request (see sse.ts).
      const log = request.log;
      const socket = request.raw.socket;

      const sse = openEventStream(request, reply, { retryMs: ORDER_STREAM_RETRY_MS, heartbeats });
      if (closing) {
        sse.close({ retryMs: shutdownRetry() });
        return reply;
      }

      const send = <E extends keyof OrderStreamEvents>(event: E, payload: OrderStreamEvents[E], id?: number) =>
        sse.send({ event: ORDER_STREAM_EVENTS[event], data: JSON.stringify(payload), id });
      const follower = createChangeFollower({
        orders: fastify.orders,
        send(change) {
          // `id:` on every change, so the client's Last-Event-ID is always the newest seq it has.
          if (!send('change', change, change.seq)) return false;
          fastify.lab.metrics.delivered('sse', 1);
          return true;
        },
        ready: () => sse.drained(),
        isClosed: () => sse.closed,
        onError(err) {
          log.warn({ err }, 'order stream failed');
          sse.close();
        },
      });
      const endSession = () => {
        // Not queued behind the pull: a long replay must not keep a signed-out stream open.
        send('session', { ended: true });
        sse.close();
      };

      // Registered before the first read: whatever commits from here on wakes the stream (subscribe first).
      const leaveHub = hub.add({ sessionId: auth.sessionId, wake: () => follower.wake(), endSession });
      const closeForShutdown = (retryMs: number) => sse.close({ retryMs });
      closers.add(closeForShutdown);
      // A real network drop: the TCP connection goes without a goodbye; EventSource reconnects with Last-Event-ID.
      const untrack = fastify.lab.drops.track('sse', () => socket.destroy());
      const release = fastify.connections.open('sse');
      sse.onClose((reason) => {
        leaveHub();
        closers.delete(closeForShutdown);
        untrack();
        release();
        log.debug({ reason }, 'order stream closed');
      });

      // The resume point, before any event: a reconnect before the first change still resumes from here.
      follower.start(resumeAfter, (position) => sse.id(position));
      // A sign-out between the session check and the registration above published before the stream could hear it.
      fastify.authenticateCookieHeader(request.headers.cookie).then(
        (stillSignedIn) => {
          if (!stillSignedIn) endSession();
        },
        (err: unknown) => log.warn({ err }, 'session re-check failed'),
      );
      return reply;
    },
  );
};

export default orderStreamRoutes;
