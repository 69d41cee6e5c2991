// room:join: membership ensured, the socket in the Socket.IO room, then the messages the client is missing.
// The socket joins before the messages are read: a message committed meanwhile is then in the replay, in the
// live broadcast, or in both (the client dedupes by id), never in neither.
import { JOIN_PAGE_SIZE, REPLAY_MAX, type Message } from '../../contract/chat.js';
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function roomJoin({ chat, repo, presence, nsp }: Pick<ChatDeps, 'chat' | 'repo' | 'presence' | 'nsp'>): ChatHandler<'room:join'> {
  return async (socket, { roomId, after }, reply) => {
    const { user } = socket.data;
    const { room, lastReadSeq } = await chat.enter(user, roomId);
    await socket.join(roomKey(roomId));
    const cameOnline = presence.add(roomId, { id: user.id, username: user.username }, socket.id);

    let messages: Message[];
    let hasMore: boolean;
    if (after === undefined) {
      const page = await repo.before(roomId, undefined, JOIN_PAGE_SIZE + 1);
      hasMore = page.length > JOIN_PAGE_SIZE;
      messages = hasMore ? page.slice(1) : page;
    } else {
      const page = await repo.after(roomId, after, REPLAY_MAX + 1);
      hasMore = page.length > REPLAY_MAX;
      messages = page.slice(0, REPLAY_MAX);
    }
    const online = presence.online(roomId);
    const lastSeq = Math.max(room.last_seq, messages.at(-1)?.seq ?? 0);
    reply({
      room: { ...room, last_seq: lastSeq },
      messages,
      has_more: hasMore,
      online,
      last_read_seq: lastReadSeq,
      unread: await repo.unreadCount(user.id, roomId),
    });
    if (cameOnline) nsp.to(roomKey(roomId)).emit('presence', { roomId, online });
  };
}
