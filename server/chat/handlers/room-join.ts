// room:join: membership ensured, the socket in the Socket.IO room, then the messages the client is missing. The
// socket joins before anything is read, so whatever changes meanwhile also reaches it live (see replay.ts).
import { replay } from '../replay.js';
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function roomJoin({ chat, repo, presence, nsp }: Pick<ChatDeps, 'chat' | 'repo' | 'presence' | 'nsp'>): ChatHandler<'room:join'> {
  return async (socket, { roomId, since }, reply) => {
    const { user } = socket.data;
    const { room, lastReadSeq } = await chat.enter(user, roomId);
    await socket.join(roomKey(roomId));
    const cameOnline = presence.add(roomId, { id: user.id, username: user.username }, socket.id);

    const { messages, hasMore, version } = await replay(repo, roomId, since);
    const online = presence.online(roomId);
    const newest = messages.reduce<{ seq: number; created_at: number | null }>(
      (acc, m) => (m.seq > acc.seq ? m : acc),
      { seq: room.last_seq, created_at: room.last_message_at },
    );
    reply({
      room: { ...room, last_seq: newest.seq, last_message_at: newest.created_at },
      messages,
      has_more: hasMore,
      version,
      online,
      last_read_seq: lastReadSeq,
      unread: await repo.unreadCount(user.id, roomId),
    });
    if (cameOnline) nsp.to(roomKey(roomId)).emit('presence', { roomId, online });
  };
}
