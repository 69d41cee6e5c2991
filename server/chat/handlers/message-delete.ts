// message:delete: the author (or an admin) deletes a message. It keeps its seq, so replays stay gapless; its text
// is removed from storage, not only hidden. A deleted message is no longer unread: the members who had not read it
// get their new count for the room (room lists only ever add new messages by themselves).
import { roomKey, userKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function messageDelete({ chat, repo, nsp }: Pick<ChatDeps, 'chat' | 'repo' | 'nsp'>): ChatHandler<'message:delete'> {
  return async (socket, { messageId }, reply) => {
    const message = await chat.remove(socket.data.user, messageId);
    reply(message);
    nsp.to(roomKey(message.room_id)).emit('message:deleted', message);
    for (const { userId, unread } of await repo.unreadBelow(message.room_id, message.seq, message.author.id)) {
      nsp.to(userKey(userId)).emit('room:unread', { counts: { [message.room_id]: unread } });
    }
  };
}
