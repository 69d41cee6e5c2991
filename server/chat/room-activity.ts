// Room lists learn of new messages in rooms they are not showing from `room:activity`. Sockets that joined the
// room already have the message itself (`message:new`), so they are left out. A public room's activity goes to
// every socket, since every list shows every public room; a direct room's goes to its two members only.
import type { Message, Room } from '../contract/chat.js';
import { roomKey, userKey, type ChatNamespace } from './handlers/bind.js';

export function announceActivity(nsp: ChatNamespace, room: Room, message: Message): void {
  const members = [message.author.id, ...(room.peer ? [room.peer.id] : [])];
  const audience = room.kind === 'public' ? nsp.except(roomKey(room.id)) : nsp.to(members.map(userKey)).except(roomKey(room.id));
  audience.emit('room:activity', {
    roomId: room.id,
    lastSeq: message.seq,
    lastMessageAt: message.created_at,
    authorId: message.author.id,
  });
}
