// message:send: stored once per (author, clientId), then broadcast to the room. A resend of a stored client id
// is answered from storage before any limit is applied, so a client retrying after a lost ack neither duplicates
// the message nor spends its budget. After the room's broadcast: the room lists' activity, then mentions, which
// never fail the send.
import { ApiError } from '../../http/problem.js';
import { messageText } from '../chat-service.js';
import { announceActivity } from '../room-activity.js';
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

type Deps = Pick<ChatDeps, 'chat' | 'repo' | 'nsp' | 'sendLimit' | 'notify' | 'log'>;

export function messageSend({ chat, repo, nsp, sendLimit, notify, log }: Deps): ChatHandler<'message:send'> {
  return async (socket, { roomId, clientId, text }, reply) => {
    const { user } = socket.data;
    const stored = await repo.findByClientId(user.id, clientId);
    if (stored) {
      if (stored.room_id !== roomId) throw new ApiError('conflict', `clientId ${clientId} was already used in another room.`);
      reply(stored);
      return;
    }
    messageText(text);
    if (!socket.rooms.has(roomKey(roomId))) {
      await chat.memberRoom(user, roomId); // not_found for a room the user cannot see
      throw new ApiError('forbidden', `Join room ${roomId} before writing to it.`);
    }
    if (!sendLimit.take(user.id)) {
      const seconds = Math.max(1, Math.ceil(sendLimit.retryAfterMs(user.id) / 1000));
      throw new ApiError('rate_limited', `Too many messages. Try again in ${seconds} s.`);
    }
    const { message, created } = await chat.send(user, { roomId, clientId, text });
    reply(message);
    if (!created) return;
    nsp.to(roomKey(roomId)).emit('message:new', message);

    const { room } = await chat.visibleRoom(user, roomId);
    announceActivity(nsp, room, message);
    const mentioned = await chat.mentioned(user, room, message.text);
    if (mentioned.length === 0) return;
    await notify(
      mentioned.map((u) => u.id),
      {
        kind: 'chat_mention',
        title: `${user.username} mentioned you in ${room.kind === 'public' ? `#${room.name}` : 'a direct message'}`,
        body: message.text,
        link: `/chat?room=${roomId}`,
      },
    ).catch((err: unknown) => log.error({ err, messageId: message.id }, 'mention notification failed'));
  };
}
