// room:leave: the socket stops receiving the room's events. The membership (and its read marker) stays: leaving
// a view is not leaving the conversation.
import { roomKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function roomLeave({ presence }: Pick<ChatDeps, 'presence'>): ChatHandler<'room:leave'> {
  return async (socket, { roomId }, reply) => {
    const joined = socket.rooms.has(roomKey(roomId));
    await socket.leave(roomKey(roomId));
    reply({ roomId });
    // An explicit leave needs no grace period; the tracker broadcasts the change.
    if (joined) presence.remove(roomId, socket.data.user.id, socket.id, 0);
  };
}
