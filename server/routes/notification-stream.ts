// GET /api/notifications/stream: the signed-in user's notifications as Server-Sent Events, resumable with
// Last-Event-ID. Every check that can fail (session, id syntax) runs before the reply is hijacked, so failures
// are ordinary problems; after that the response is an event stream until the client leaves, the session is
// signed out, a newer stream of the same user takes its place, or the server shuts down.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { STREAM_DESCRIPTION, STREAM_RETRY_MS, STREAMS_PER_USER_MAX, StreamHeaders, StreamQuery } from '../contract/notifications.js';
import { Heartbeats } from '../http/heartbeats.js';
import { openEventStream } from '../http/sse.js';
import { problemResponses } from '../http/responses.js';
import { createStreamHub } from '../notifications/stream-hub.js';
import { createUserStream, type UserStreamDeps } from '../notifications/user-stream.js';

export interface NotificationStreamOptions {
  heartbeatMs: number;
}

/** On shutdown streams are told to come back within this window, spread so they do not all arrive at once. */
const SHUTDOWN_RETRY_MIN_MS = 250;
const SHUTDOWN_RETRY_SPREAD_MS = 1750;
const shutdownRetry = () => SHUTDOWN_RETRY_MIN_MS + Math.floor(Math.random() * SHUTDOWN_RETRY_SPREAD_MS);

/** Documents the stream's media type; the hijacked reply is never serialized. */
const EventStream = {
  description: 'Events `notification` (with `id:`), `read`, `deleted`, `unread` and `session`, as in the contract',
  content: { 'text/event-stream': { schema: Type.String() } },
};

const notificationStreamRoutes: FastifyPluginAsyncTypebox<NotificationStreamOptions> = async (fastify, opts) => {
  const hub = createStreamHub(fastify.bus, STREAMS_PER_USER_MAX, fastify.notifications);
  const heartbeats = new Heartbeats(opts.heartbeatMs);
  // One set of callbacks for every stream: thousands stay open, and closures per stream were memory each one kept.
  const streamDeps: UserStreamDeps = {
    notifications: fastify.notifications,
    onError: (err, stream) => fastify.log.warn({ reqId: stream.requestId, err }, 'notification stream failed'),
    onClosed(stream, reason) {
      hub.remove(stream);
      fastify.connections.closed('sse');
      fastify.log.debug({ reqId: stream.requestId, reason }, 'notification stream closed');
    },
  };
  let closing = false;

  // Open streams would hold the server open: end them now, with a short retry so browsers move to the next server.
  fastify.addHook('preClose', async () => {
    closing = true;
    hub.closeAll(shutdownRetry);
    hub.close();
    heartbeats.close();
  });

  fastify.get(
    '/notifications/stream',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, pushed as Server-Sent Events (resumable with Last-Event-ID)',
        description: STREAM_DESCRIPTION,
        security: [{ session: [] }],
        querystring: StreamQuery,
        headers: StreamHeaders,
        response: { 200: EventStream, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      // The header is the browser's newest position; the query parameter stays in the URL from the first connect.
      const given = request.headers['last-event-id'] ?? request.query.last_event_id;
      const resumeAfter = given === undefined ? undefined : Number(given);
      const auth = request.auth!;
      // An open stream keeps only what it uses: the request, its reply and its logger are let go (see sse.ts).
      const reqId = request.id;

      const sse = openEventStream(request, reply, { retryMs: STREAM_RETRY_MS, heartbeats });
      if (closing) {
        sse.close({ retryMs: shutdownRetry() });
        return reply;
      }
      // Paired with `closed` in `streamDeps.onClosed`, which the stream calls once it closes.
      fastify.connections.opened('sse');
      const stream = createUserStream(sse, { userId: auth.user.id, sessionId: auth.sessionId, requestId: reqId }, streamDeps);
      // Registered before the first read: whatever commits from here on wakes the stream (subscribe first).
      hub.add(stream);
      stream.start(resumeAfter);
      // A sign-out between the session check and the registration above published before the stream could hear it.
      fastify.authenticateCookieHeader(request.headers.cookie).then(
        (stillSignedIn) => {
          if (!stillSignedIn) stream.endSession();
        },
        (err: unknown) => fastify.log.warn({ reqId, err }, 'session re-check failed'),
      );
      return reply;
    },
  );
};

export default notificationStreamRoutes;
