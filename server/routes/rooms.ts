// Chat rooms over REST: the room list with unread counts, creating public rooms, opening direct rooms, and
// scrollback by seq. Live traffic is on the /chat Socket.IO namespace; this is what a page loads first and what
// scrolling up pages through.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateRoom, HistoryQuery, MessagePage, OpenDirectRoom, Room, RoomId, RoomList } from '../contract/chat.js';
import { problemResponses } from '../http/responses.js';
import { toRoom } from '../chat/chat-repository.js';

const roomRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const security = [{ session: [] }];
  const repo = fastify.repos.chat;

  fastify.get(
    '/rooms',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['chat'],
        summary: 'Rooms the user can see: every public room and their direct rooms, with unread counts',
        security,
        response: { 200: RoomList, ...problemResponses(401, 429) },
      },
    },
    async (request, reply) => {
      const rooms = await repo.visibleRooms(request.auth!.user.id);
      reply.header('cache-control', 'private, no-cache');
      return {
        data: rooms.map((r) => ({ ...toRoom(r.room, r.peer), member: r.member, last_read_seq: r.last_read_seq, unread: r.unread })),
      };
    },
  );

  fastify.post(
    '/rooms',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['chat'],
        summary: 'Create a public room (the creator joins it)',
        security,
        body: CreateRoom,
        response: { 201: Room, ...problemResponses(400, 401, 403, 409, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const room = await fastify.chat.createRoom(request.auth!.user, request.body.name);
      return reply.code(201).header('location', `/api/rooms/${room.id}`).send(room);
    },
  );

  fastify.post(
    '/rooms/direct',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['chat'],
        summary: 'Open the direct room with a user (201 when created, 200 when it existed)',
        security,
        body: OpenDirectRoom,
        response: { 200: Room, 201: Room, ...problemResponses(400, 401, 403, 404, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const { room, created } = await fastify.chat.openDirect(request.auth!.user, request.body.username);
      return reply.code(created ? 201 : 200).send(room);
    },
  );

  fastify.get(
    '/rooms/:id/messages',
    {
      preHandler: fastify.requireUser,
      schema: {
        tags: ['chat'],
        summary: 'Scrollback: the messages just before `before` (the newest without it), in seq order',
        description: 'A direct room of other users is 404. Deleted messages are included (text empty), so seqs have no gaps.',
        security,
        params: RoomId,
        querystring: HistoryQuery,
        response: { 200: MessagePage, ...problemResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { before, limit } = request.query;
      await fastify.chat.visibleRoom(request.auth!.user, id);
      const page = await repo.before(id, before, limit + 1);
      const hasMore = page.length > limit;
      reply.header('cache-control', 'private, no-cache');
      return { data: hasMore ? page.slice(1) : page, meta: { limit, has_more: hasMore } };
    },
  );
};

export default roomRoutes;
