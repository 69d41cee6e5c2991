// message:send: stored once per (author, clientId), then broadcast to the room. A resend of a stored client id
// is answered from storage and spends no budget: the storing transaction finds it (and the hit taken for it is
// given back), and a sender over the limit or outside the room is first checked for one. After the room's
// broadcast: the room lists' activity, then mentions, which never fail the send.
import type { Message } from '../../contract/chat.js';
import type { User } from '../../contract/auth.js';
import { ApiError } from '../../http/problem.js';
import { messageText } from '../chat-service.js';
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

type Deps = Pick<ChatDeps, 'chat' | 'repo' | 'nsp' | 'activity' | 'sendLimit' | 'notify' | 'log'>;

export function messageSend({ chat, repo, nsp, activity, sendLimit, notify, log }: Deps): ChatHandler<'message:send'> {
  /** A stored message answers its resend only from the room it was sent to. */
  function resendOf(stored: Message, roomId: number): Message {
    if (stored.room_id !== roomId) throw new ApiError('conflict', `clientId ${stored.client_id} was already used in another room.`);
    return stored;
  }

  /** The message this user already stored under `clientId`, if any. */
  async function storedResend(user: User, roomId: number, clientId: string): Promise<Message | undefined> {
    const stored = await repo.findByClientId(user.id, clientId);
    return stored && resendOf(stored, roomId);
  }

  /** Stores the message; the budget taken for it is given back when nothing new was stored. */
  async function store(user: User, input: { roomId: number; clientId: string; text: string }) {
    try {
      const sent = await chat.send(user, input);
      if (!sent.created) sendLimit.refund(user.id);
      return sent;
    } catch (error) {
      sendLimit.refund(user.id);
      throw error;
    }
  }

  return async (socket, { roomId, clientId, text }, reply) => {
    const { user } = socket.data;
    messageText(text);
    if (!socket.rooms.has(roomKey(roomId))) {
      const stored = await storedResend(user, roomId, clientId);
      if (stored) return reply(stored);
      await chat.memberRoom(user, roomId); // not_found for a room the user cannot see
      throw new ApiError('forbidden', `Join room ${roomId} before writing to it.`);
    }
    if (!sendLimit.take(user.id)) {
      const stored = await storedResend(user, roomId, clientId);
      if (stored) return reply(stored);
      const seconds = Math.max(1, Math.ceil(sendLimit.retryAfterMs(user.id) / 1000));
      throw new ApiError('rate_limited', `Too many messages. Try again in ${seconds} s.`);
    }
    const { message, created, room } = await store(user, { roomId, clientId, text });
    if (!created) return reply(resendOf(message, roomId));
    reply(message);
    nsp.to(roomKey(roomId)).emit('message:new', message);
    activity.announce(room, message);

    if (!message.text.includes('@')) return;
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
