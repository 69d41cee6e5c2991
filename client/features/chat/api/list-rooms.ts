// The room list: every public room and the user's direct rooms, with unread counts. `room:unread` events update
// the counts in place; the server sends no event for a new message in a room this tab has not joined, so the list
// is also refetched now and then to pick those up.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { RoomList, RoomSummary } from '../../../../server/contract/chat';
import { api } from '../../../shared/api/api-client';
import { chatKeys } from './chat-keys';

export const ROOMS_REFRESH_MS = 10_000;

export const listRooms = async (signal?: AbortSignal): Promise<RoomSummary[]> =>
  (await api.get<RoomList>('/api/rooms', signal)).data;

export const roomsQueryOptions = () =>
  queryOptions({
    queryKey: chatKeys.rooms(),
    queryFn: ({ signal }) => listRooms(signal),
    refetchInterval: ROOMS_REFRESH_MS,
  });

export const useRooms = () => useQuery(roomsQueryOptions());

/** The display name of a room: `general`, or the other person's name for a direct room. */
export const roomLabel = (room: Pick<RoomSummary, 'name' | 'peer'>): string => room.name ?? room.peer?.username ?? 'direct';

/** Applies a `room:unread` event: counts are given for every room the user is a member of. */
export function applyUnreadCounts(rooms: RoomSummary[], counts: Record<string, number>): RoomSummary[] {
  return rooms.map((room) => {
    const unread = counts[String(room.id)] ?? (room.member ? 0 : room.unread);
    return unread === room.unread ? room : { ...room, unread };
  });
}

export function setRoomUnread(queryClient: QueryClient, roomId: number, unread: number): void {
  queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), (rooms) =>
    rooms?.map((room) => (room.id === roomId ? { ...room, unread, member: true } : room)),
  );
}

export function addRoom(queryClient: QueryClient, room: RoomSummary): void {
  queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), (rooms) =>
    rooms && !rooms.some((r) => r.id === room.id) ? [...rooms, room] : rooms,
  );
}
