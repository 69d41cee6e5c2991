// Room lists learn of new messages in rooms they are not showing from `room:activity`. Sockets that joined the
// room already have the message itself (`message:new`), so they are left out. A public room's activity goes to
// every socket, since every list shows every public room; a direct room's goes to its two members only.
// A room's activity goes out at most once per ROOM_ACTIVITY_INTERVAL_MS: in a busy room, each announcement costs a
// walk over every socket of the namespace and a frame to each one outside the room, and a list does not need every
// message one by one. The first message after a quiet spell goes at once, so a quiet room's list is not delayed.
import { ROOM_ACTIVITY_INTERVAL_MS, type Message, type RoomActivityMessage } from '../contract/chat.js';
import type { ChatService } from './chat-service.js';
import type { InsertedMessage } from './chat-repository.js';
import { roomKey, userKey, type ChatNamespace } from './handlers/bind.js';

type SharedRoom = InsertedMessage['room'];

export interface ActivityAnnouncer {
  /** After `message:new` went to the room: the room lists outside it hear of the message now or at the interval's end. */
  announce(room: SharedRoom, message: Message): void;
  close(): void;
}

/** Messages that arrived while a room's last announcement is under the interval, to go out when it is over. */
interface Cooling {
  room: SharedRoom;
  waiting: RoomActivityMessage[];
  lastMessageAt: number;
  timer: NodeJS.Timeout;
}

export function createActivityAnnouncer(nsp: ChatNamespace, intervalMs = ROOM_ACTIVITY_INTERVAL_MS): ActivityAnnouncer {
  const cooling = new Map<number, Cooling>();

  function emit(room: SharedRoom, messages: RoomActivityMessage[], lastMessageAt: number): void {
    const audience = room.kind === 'public' ? nsp.except(roomKey(room.id)) : nsp.to(room.members.map(userKey)).except(roomKey(room.id));
    const lastSeq = messages.reduce((max, m) => Math.max(max, m.seq), 0);
    audience.emit('room:activity', { roomId: room.id, lastSeq, lastMessageAt, messages });
    const state: Cooling = { room, waiting: [], lastMessageAt, timer: setTimeout(() => cooled(state), intervalMs) };
    state.timer.unref();
    cooling.set(room.id, state);
  }

  function cooled(state: Cooling): void {
    cooling.delete(state.room.id);
    if (state.waiting.length > 0) emit(state.room, state.waiting, state.lastMessageAt);
  }

  return {
    announce(room, message) {
      const entry = { seq: message.seq, authorId: message.author.id };
      const state = cooling.get(room.id);
      if (!state) return emit(room, [entry], message.created_at);
      state.room = room;
      state.waiting.push(entry);
      state.lastMessageAt = Math.max(state.lastMessageAt, message.created_at);
    },
    close() {
      for (const state of cooling.values()) clearTimeout(state.timer);
      cooling.clear();
    },
  };
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
