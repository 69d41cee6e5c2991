// Room lists learn of new messages in rooms they are not showing from `room:activity`. Sockets that joined the
// room already have the message itself (`message:new`), so they are left out. A public room's activity goes to
// every socket, since every list shows every public room; a direct room's goes to its two members only.
import type { Message } from '../contract/chat.js';
import type { ChatService } from './chat-service.js';
import type { InsertedMessage } from './chat-repository.js';
import { roomKey, userKey, type ChatNamespace } from './handlers/bind.js';

export function announceActivity(nsp: ChatNamespace, room: InsertedMessage['room'], message: Message): void {
  const audience = room.kind === 'public' ? nsp.except(roomKey(room.id)) : nsp.to(room.members.map(userKey)).except(roomKey(room.id));
  audience.emit('room:activity', {
    roomId: room.id,
    lastSeq: message.seq,
    lastMessageAt: message.created_at,
    authorId: message.author.id,
  });
}

/**
 * The chat service, announcing the rooms it creates: a new public room to every socket, a new direct room to its
 * two members, so lists show it before anyone has posted in it.
 */
export function announcingRooms(chat: ChatService, nsp: ChatNamespace): ChatService {
  return {
    ...chat,
    async createRoom(user, name) {
      const room = await chat.createRoom(user, name);
      nsp.emit('room:created', { roomId: room.id });
      return room;
    },
    async openDirect(user, username) {
      const opened = await chat.openDirect(user, username);
      if (opened.created) nsp.to([userKey(user.id), userKey(opened.room.peer!.id)]).emit('room:created', { roomId: opened.room.id });
      return opened;
    },
  };
}
