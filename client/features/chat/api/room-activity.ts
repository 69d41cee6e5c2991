// New messages as the room list sees them: its last seq and activity move, and a member's unread count grows by
// each message of someone else. `room:activity` covers rooms this tab has not joined (several messages of a busy
// room in one event) and `message:new` the ones it has; a seq the list already has is not counted twice.
import type { QueryClient } from '@tanstack/react-query';
import type { Message, RoomActivityEvent, RoomSummary } from '../../../../server/contract/chat';
import { chatKeys } from './chat-keys';

export const activityOf = (message: Message): RoomActivityEvent => ({
  roomId: message.room_id,
  lastSeq: message.seq,
  lastMessageAt: message.created_at,
  messages: [{ seq: message.seq, authorId: message.author.id }],
});

export function applyActivity(room: RoomSummary, event: RoomActivityEvent, userId: number): RoomSummary {
  if (event.lastSeq <= room.last_seq) return room;
  const unread = room.member ? event.messages.filter((m) => m.seq > room.last_seq && m.authorId !== userId).length : 0;
  return { ...room, last_seq: event.lastSeq, last_message_at: event.lastMessageAt, unread: room.unread + unread };
}

/** A room the cached list does not have yet is read again with the list (REST shapes it for this user). */
export function refetchRoomsUnlessKnown(queryClient: QueryClient, roomId: number): boolean {
  const rooms = queryClient.getQueryData<RoomSummary[]>(chatKeys.rooms());
  if (!rooms || rooms.some((room) => room.id === roomId)) return false;
  void queryClient.invalidateQueries({ queryKey: chatKeys.rooms(), exact: true });
  return true;
}

/** Applies the event to the cached list; a room the list does not have yet (a new direct room) refetches it. */
export function recordActivity(queryClient: QueryClient, event: RoomActivityEvent, userId: number): void {
  if (!queryClient.getQueryData<RoomSummary[]>(chatKeys.rooms())) return;
  if (refetchRoomsUnlessKnown(queryClient, event.roomId)) return;
  queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), (list) =>
    list?.map((room) => (room.id === event.roomId ? applyActivity(room, event, userId) : room)),
  );
}
