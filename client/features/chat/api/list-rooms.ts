// The room list: every public room and the user's direct rooms, with unread counts and last activity. Socket
// events keep it current (`room:activity`, `message:new`, `room:unread`); it is fetched again after every
// (re)connect, for what happened while no socket listened.
import { queryOptions, replaceEqualDeep, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Room, RoomList, RoomSummary } from '../../../../server/contract/chat';
import { api } from '../../../shared/api/api-client';
import { chatKeys } from './chat-keys';

export const listRooms = async (signal?: AbortSignal): Promise<RoomSummary[]> =>
  (await api.get<RoomList>('/api/rooms', signal)).data;

/**
 * A fetched list may have been read before a message whose `room:activity` the cache already applied: for such a
 * room the cache is newer (a greater last seq), and keeps its activity and count.
 */
export function keepNewerActivity(held: RoomSummary[] | undefined, fetched: RoomSummary[]): RoomSummary[] {
  if (!held) return fetched;
  const byId = new Map(held.map((room) => [room.id, room]));
  return fetched.map((room) => {
    const newer = byId.get(room.id);
    if (!newer || newer.last_seq <= room.last_seq) return room;
    return { ...room, last_seq: newer.last_seq, last_message_at: newer.last_message_at, unread: newer.unread };
  });
}

export const roomsQueryOptions = () =>
  queryOptions({
    queryKey: chatKeys.rooms(),
    queryFn: ({ signal }) => listRooms(signal),
    structuralSharing: (held, fetched) =>
      replaceEqualDeep(held, keepNewerActivity(held as RoomSummary[] | undefined, fetched as RoomSummary[])),
  });

export const useRooms = () => useQuery(roomsQueryOptions());

/** The display name of a room: `general`, or the other person's name for a direct room. */
export const roomLabel = (room: Pick<RoomSummary, 'name' | 'peer'>): string => room.name ?? room.peer?.username ?? 'direct';

/** Applies a `room:unread` event: the rooms it names take their count, the others keep theirs. */
export function applyUnreadCounts(rooms: RoomSummary[], counts: Record<string, number>): RoomSummary[] {
  return rooms.map((room) => {
    const unread = counts[String(room.id)];
    return unread === undefined || unread === room.unread ? room : { ...room, unread };
  });
}

/** A join's answer: the user is a member now, with the room's count and activity as of the join. */
export function setJoinedRoom(queryClient: QueryClient, joined: Room, unread: number): void {
  queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), (rooms) =>
    rooms?.map((room) => {
      if (room.id !== joined.id) return room;
      const newer = joined.last_seq > room.last_seq;
      return { ...room, unread, member: true, ...(newer && { last_seq: joined.last_seq, last_message_at: joined.last_message_at }) };
    }),
  );
}

export function addRoom(queryClient: QueryClient, room: RoomSummary): void {
  queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), (rooms) =>
    rooms && !rooms.some((r) => r.id === room.id) ? [...rooms, room] : rooms,
  );
}
