// Chat over Socket.IO: the /chat namespace (handshake rules from `realtimeNamespace`), one handler per client
// event, presence per room, and the chat service the REST routes share. Broadcasts go through Socket.IO rooms
// (`room:<id>` per chat room, `user:<id>` per user for their tabs), so an adapter is all several processes need.
import fp from 'fastify-plugin';
import {
  CHAT_NAMESPACE,
  CLIENT_CHAT_SCHEMAS,
  PRESENCE_GRACE_MS,
  SEND_MAX_PER_WINDOW,
  SEND_WINDOW_MS,
  TYPING_THROTTLE_MS,
  type ChatClientToServerEvents,
  type ChatServerToClientEvents,
} from '../contract/chat.js';
import { createChatService, type ChatService } from '../chat/chat-service.js';
import { createSlidingWindow, createThrottle } from '../chat/limits.js';
import { createPresenceTracker } from '../chat/presence.js';
import { announcingRooms, createActivityAnnouncer } from '../chat/room-activity.js';
import { bind, roomKey, userKey } from '../chat/handlers/bind.js';
import type { ChatDeps } from '../chat/handlers/deps.js';
import { roomJoin } from '../chat/handlers/room-join.js';
import { roomLeave } from '../chat/handlers/room-leave.js';
import { messageSend } from '../chat/handlers/message-send.js';
import { messageEdit } from '../chat/handlers/message-edit.js';
import { messageDelete } from '../chat/handlers/message-delete.js';
import { roomRead } from '../chat/handlers/room-read.js';
import { typing } from '../chat/handlers/typing.js';

declare module 'fastify' {
  interface FastifyInstance {
    chat: ChatService;
  }
}

const CHAT_EVENTS = Object.keys(CLIENT_CHAT_SCHEMAS) as (keyof ChatClientToServerEvents & string)[];

export default fp(
  async (fastify) => {
    const nsp = fastify.realtimeNamespace<ChatClientToServerEvents, ChatServerToClientEvents>(CHAT_NAMESPACE, CHAT_EVENTS);
    const chat = announcingRooms(createChatService(fastify.repos.chat, fastify.repos.users), nsp);
    const presence = createPresenceTracker((roomId) => {
      nsp.to(roomKey(roomId)).emit('presence', { roomId, online: presence.online(roomId) });
    });
    const activity = createActivityAnnouncer(nsp);
    const deps: ChatDeps = {
      chat,
      repo: fastify.repos.chat,
      nsp,
      activity,
      presence,
      sendLimit: createSlidingWindow(SEND_MAX_PER_WINDOW, SEND_WINDOW_MS),
      typingThrottle: createThrottle(TYPING_THROTTLE_MS),
      notify: fastify.notify,
      log: fastify.log,
    };
    const handlers = {
      join: roomJoin(deps),
      leave: roomLeave(deps),
      send: messageSend(deps),
      edit: messageEdit(deps),
      remove: messageDelete(deps),
      read: roomRead(deps),
      typing: typing(deps),
    };

    nsp.on('connection', (socket) => {
      const { user } = socket.data;
      void socket.join(userKey(user.id));
      bind(socket, 'room:join', handlers.join, fastify.log);
      bind(socket, 'room:leave', handlers.leave, fastify.log);
      bind(socket, 'message:send', handlers.send, fastify.log);
      bind(socket, 'message:edit', handlers.edit, fastify.log);
      bind(socket, 'message:delete', handlers.remove, fastify.log);
      bind(socket, 'room:read', handlers.read, fastify.log);
      bind(socket, 'typing', handlers.typing, fastify.log);
      // `disconnecting`: the socket still lists its rooms here (it has left them by `disconnect`).
      socket.on('disconnecting', () => {
        for (const key of socket.rooms) {
          if (key.startsWith('room:')) presence.remove(Number(key.slice('room:'.length)), user.id, socket.id, PRESENCE_GRACE_MS);
        }
      });
    });

    fastify.decorate('chat', chat);
    fastify.addHook('onClose', async () => {
      presence.close();
      activity.close();
    });
  },
  { name: 'chat', dependencies: ['socket-io', 'database', 'notifications'] },
);
