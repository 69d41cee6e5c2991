// room:read: the read marker moves forward (never back), and every socket of the user (all tabs) gets the new
// unread counts, so a badge cleared in one tab clears in the others.
import { userKey, type ChatHandler } from './bind.js';
import type { ChatDeps } from './deps.js';

export function roomRead({ chat, repo, nsp }: Pick<ChatDeps, 'chat' | 'repo' | 'nsp'>): ChatHandler<'room:read'> {
  return async (socket, { roomId, seq }, reply) => {
    const { user } = socket.data;
    await chat.memberRoom(user, roomId);
    const lastReadSeq = await repo.markRead(user.id, roomId, seq);
    reply({ roomId, last_read_seq: lastReadSeq });
    nsp.to(userKey(user.id)).emit('room:unread', { counts: await repo.unreadCounts(user.id) });
  };
}
