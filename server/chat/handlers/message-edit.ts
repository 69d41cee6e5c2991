// message:edit: the author changes the text of a message that is not deleted; the room sees `message:updated`.
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function messageEdit({ chat, nsp }: Pick<ChatDeps, 'chat' | 'nsp'>): ChatHandler<'message:edit'> {
  return async (socket, { messageId, text }, reply) => {
    const message = await chat.edit(socket.data.user, messageId, text);
    reply(message);
    nsp.to(roomKey(message.room_id)).emit('message:updated', message);
  };
}
