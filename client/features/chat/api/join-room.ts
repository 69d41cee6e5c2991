// Opening a room is a `room:join` over the socket: it returns the newest page the first time, and on every later
// join every message changed since the version the tab is in step with (new, edited or deleted). The same query
// is refetched after each reconnect (the socket left every room), which is the whole re-sync: re-join, merge the
// catch-up, carry on.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ChatUser, Message, RoomJoinPayload, RoomJoinResult } from '../../../../server/contract/chat';
import { chatConnection } from './chat-connection';
import { chatKeys } from './chat-keys';
import { setJoinedRoom } from './list-rooms';
import { withMessages, type RoomMessages } from './messages-cache';
import { markJoined } from './sync-mark';

/** The join payload for a room given what the tab holds: `since` its sync mark, or none for a first visit. */
export function joinPayload(roomId: number, held: RoomMessages | undefined): RoomJoinPayload {
  return held ? { roomId, since: held.synced.through } : { roomId };
}

/** The rooms this tab has open: those whose messages it holds. */
export function openRoomIds(queryClient: QueryClient): number[] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: chatKeys.messagesAll() })
    .map((query) => query.queryKey[2])
    .filter((id): id is number => typeof id === 'number');
}

/** The room's live changes from now on: they can overtake the join's answer while the cache has no entry yet. */
function collectChanges(roomId: number) {
  const seen: Message[] = [];
  const keep = (message: Message) => void (message.room_id === roomId && seen.push(message));
  const stops = (['message:new', 'message:updated', 'message:deleted'] as const).map((event) => chatConnection.on(event, keep));
  return { seen, stop: () => stops.forEach((stop) => stop()) };
}

export async function joinRoom(queryClient: QueryClient, roomId: number, signal?: AbortSignal): Promise<RoomMessages> {
  await chatConnection.whenReady(signal);
  const key = chatKeys.messages(roomId);
  const live = collectChanges(roomId);
  try {
    let payload = joinPayload(roomId, queryClient.getQueryData<RoomMessages>(key));
    let result: RoomJoinResult = await chatConnection.request('room:join', payload);
    const replayed: Message[] = [...result.messages];
    // A catch-up is capped: `has_more` means join again from the version it reached.
    while (payload.since !== undefined && result.has_more) {
      payload = { roomId, since: result.version };
      result = await chatConnection.request('room:join', payload);
      replayed.push(...result.messages);
    }
    chatConnection.markJoined(roomId);
    queryClient.setQueryData<ChatUser[]>(chatKeys.presence(roomId), result.online);
    setJoinedRoom(queryClient, result.room, result.unread);
    // Merged into what the cache holds now, not at the start: live changes may have landed meanwhile.
    const current = queryClient.getQueryData<RoomMessages>(key);
    const base: RoomMessages = current
      ? { ...current, synced: markJoined(current.synced, result.version) }
      : { messages: [], hasOlder: result.has_more, synced: markJoined(undefined, result.version) };
    return withMessages(base, [...replayed, ...live.seen]) ?? base;
  } finally {
    live.stop();
  }
}

export const roomMessagesOptions = (queryClient: QueryClient, roomId: number) =>
  queryOptions({
    queryKey: chatKeys.messages(roomId),
    queryFn: ({ signal }) => joinRoom(queryClient, roomId, signal),
    // Kept up to date by socket events, and re-synced on reconnect: never stale, never dropped while the tab lives.
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });

export function useRoomMessages(queryClient: QueryClient, roomId: number) {
  return useQuery(roomMessagesOptions(queryClient, roomId));
}
