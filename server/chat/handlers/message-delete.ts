// message:delete: the author (or an admin) deletes a message. It keeps its seq, so replays stay gapless; its text
// is removed from storage, not only hidden.
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function messageDelete({ chat, nsp }: Pick<ChatDeps, 'chat' | 'nsp'>): ChatHandler<'message:delete'> {
  return async (socket, { messageId }, reply) => {
    const message = await chat.remove(socket.data.user, messageId);
    reply(message);
    nsp.to(roomKey(message.room_id)).emit('message:deleted', message);
  };
}
