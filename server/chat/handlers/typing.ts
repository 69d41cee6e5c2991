// typing: volatile (dropped rather than queued for a slow or offline client) and throttled per user and room;
// `typing: false` always passes, so an indicator is cleared at once. Sent to the room except the user's own
// sockets. Clients expire an indicator that is not renewed (TYPING_EXPIRY_MS).
import { ApiError } from '../../http/problem.js';
import { roomKey, userKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function typing({ typingThrottle }: Pick<ChatDeps, 'typingThrottle'>): ChatHandler<'typing'> {
  return async (socket, { roomId, typing: isTyping }, reply) => {
    const { user } = socket.data;
    if (!socket.rooms.has(roomKey(roomId))) throw new ApiError('forbidden', `Join room ${roomId} first.`);
    const key = `${user.id}:${roomId}`;
    if (isTyping && !typingThrottle.pass(key)) {
      reply({ sent: false });
      return;
    }
    if (!isTyping) typingThrottle.reset(key);
    reply({ sent: true });
    socket.volatile
      .to(roomKey(roomId))
      .except(userKey(user.id))
      .emit('typing', { roomId, userId: user.id, username: user.username, typing: isTyping });
  };
}
