// Notifications over REST: the signed-in user's list, unread count, read state, deletes and settings; admins
// send broadcasts. Everything is scoped to the caller: another user's notification answers 404, exactly like one
// that does not exist, so ids reveal nothing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ListNotificationsQuery,
  NotificationId,
  NotificationList,
  NotificationSettings,
  ReadAllResult,
  SendNotification,
  SendResult,
  UnreadCount,
} from '../contract/notifications.js';
import { ApiError } from '../http/problem.js';
import { problemResponses } from '../http/responses.js';

const CACHE_CONTROL = 'private, no-cache';
const NoContent = Type.Null({ description: 'Done' });

const notificationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const security = [{ session: [] }];
  const tags = ['notifications'];
  const service = fastify.notifications;
  const notFound = (id: number) => new ApiError('not_found', `You have no notification ${id}.`);

  fastify.get(
    '/notifications',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'Your notifications, newest first (cursor pages)',
        security,
        querystring: ListNotificationsQuery,
        response: { 200: NotificationList, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { limit, cursor, unread } = request.query;
      const rows = await service.list(request.auth!.user.id, {
        limit: limit + 1,
        before: cursor === undefined ? undefined : Number(cursor),
        unreadOnly: unread === true,
      });
      const data = rows.slice(0, limit);
      const hasMore = rows.length > limit;
      reply.header('cache-control', CACHE_CONTROL);
      return { data, meta: { limit, has_more: hasMore, next_cursor: hasMore ? String(data.at(-1)!.id) : null } };
    },
  );

  fastify.get(
    '/notifications/unread-count',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        security,
        response: { 200: UnreadCount, ...problemResponses(401, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE_CONTROL);
      return { count: await service.unreadCount(request.auth!.user.id) };
    },
  );

  fastify.post(
    '/notifications/:id/read',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'Mark one notification read (again is fine; the first time is kept)',
        security,
        params: NotificationId,
        response: { 204: NoContent, ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      if (!(await service.markRead(request.auth!.user.id, request.params.id))) throw notFound(request.params.id);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/notifications/read-all',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        security,
        response: { 200: ReadAllResult, ...problemResponses(401, 403, 429) },
      },
    },
    async (request) => ({ count: await service.markAllRead(request.auth!.user.id) }),
  );

  fastify.delete(
    '/notifications/:id',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'Delete one notification',
        security,
        params: NotificationId,
        response: { 204: NoContent, ...problemResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      if (!(await service.remove(request.auth!.user.id, request.params.id))) throw notFound(request.params.id);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/notifications',
    {
      preHandler: fastify.requireAdmin,
      schema: {
        tags,
        summary: 'Send a notification to one user or to all (admin only)',
        description: '`to: "all"` reaches every user that exists now, one notification each.',
        security,
        body: SendNotification,
        response: { 201: SendResult, ...problemResponses(400, 401, 403, 404, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const { to, title, body, level, link } = request.body;
      let recipients: number[] | 'all' = 'all';
      if (to !== 'all') {
        const user = await fastify.repos.users.findByUsername(to);
        if (!user) throw new ApiError('not_found', `There is no user ${to.toLowerCase()}.`);
        recipients = [user.id];
      }
      const sent = await fastify.notify(recipients, { kind: 'broadcast', title, body, level, link });
      request.log.info({ to, recipients: sent.recipients, by: request.auth?.user.username }, 'notification sent');
      return reply.code(201).send({ recipients: sent.recipients });
    },
  );

  fastify.get(
    '/notifications/settings',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'Which order events notify you, and whether toasts show',
        security,
        response: { 200: NotificationSettings, ...problemResponses(401, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE_CONTROL);
      return service.settings(request.auth!.user.id);
    },
  );

  fastify.put(
    '/notifications/settings',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags,
        summary: 'Replace your notification settings (every field is required)',
        security,
        body: NotificationSettings,
        response: { 200: NotificationSettings, ...problemResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request) => service.saveSettings(request.auth!.user.id, request.body),
  );
};

export default notificationRoutes;
