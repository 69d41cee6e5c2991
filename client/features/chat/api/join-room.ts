// Opening a room is a `room:join` over the socket: it returns the newest page the first time, and everything
// after the last seq the tab holds on every later join. The same query is refetched after each reconnect (the
// socket left every room), which is the whole re-sync: re-join, merge the replay, carry on.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ChatUser, Message, RoomJoinPayload, RoomJoinResult } from '../../../../server/contract/chat';
import { chatConnection } from './chat-connection';
import { chatKeys } from './chat-keys';
import { lastSeqOf, mergeMessages, type RoomMessages } from './messages-cache';
import { setRoomUnread } from './list-rooms';

/** The join payload for a room given what the tab holds: `after` = the last seq, or none for a first visit. */
export function joinPayload(roomId: number, held: RoomMessages | undefined): RoomJoinPayload {
  const after = lastSeqOf(held);
  return after === undefined ? { roomId } : { roomId, after };
}

/** The rooms this tab has open: those whose messages it holds. */
export function openRoomIds(queryClient: QueryClient): number[] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: chatKeys.messagesAll() })
    .map((query) => query.queryKey[2])
    .filter((id): id is number => typeof id === 'number');
}

export async function joinRoom(queryClient: QueryClient, roomId: number, signal?: AbortSignal): Promise<RoomMessages> {
  await chatConnection.whenReady(signal);
  const key = chatKeys.messages(roomId);
  let payload = joinPayload(roomId, queryClient.getQueryData<RoomMessages>(key));
  let result: RoomJoinResult = await chatConnection.request('room:join', payload);
  const replayed: Message[] = [...result.messages];
  // A replay is capped: `has_more` after `after` means join again from the last message received.
  while (payload.after !== undefined && result.has_more && replayed.length > 0) {
    payload = { roomId, after: replayed.at(-1)!.seq };
    result = await chatConnection.request('room:join', payload);
    replayed.push(...result.messages);
  }
  chatConnection.markJoined(roomId);
  queryClient.setQueryData<ChatUser[]>(chatKeys.presence(roomId), result.online);
  setRoomUnread(queryClient, roomId, result.unread);
  // Merged into what the cache holds now, not at the start: live messages may have landed meanwhile.
  const current = queryClient.getQueryData<RoomMessages>(key);
  return {
    messages: mergeMessages(current?.messages ?? [], replayed),
    hasOlder: current ? current.hasOlder : result.has_more,
  };
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
