// Keeps the Query cache in step with the /chat socket: events update it in place, and every (re)connect
// refetches the room list and re-joins the open rooms (catching up with what changed) before the outbox is sent,
// since the server only takes messages for rooms the socket has joined.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChatUser, Message, RoomSummary } from '../../../../server/contract/chat';
import { chatConnection } from '../api/chat-connection';
import { chatKeys } from '../api/chat-keys';
import { openRoomIds } from '../api/join-room';
import { applyUnreadCounts } from '../api/list-rooms';
import { storeMessage } from '../api/message-actions';
import { activityOf, recordActivity, refetchRoomsUnlessKnown } from '../api/room-activity';
import { drainOutbox } from '../api/send-outbox';
import { applyTypingEvent, type TypingState } from '../api/typing-state';
import { useOutboxStore } from '../stores/outbox-store';

async function resync(queryClient: QueryClient, userId: number): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: chatKeys.rooms(), exact: true });
  const rooms = openRoomIds(queryClient);
  // A failed re-join is retried by the query itself; the outbox is sent either way (it joins what it needs).
  await Promise.allSettled(rooms.map((roomId) => queryClient.refetchQueries({ queryKey: chatKeys.messages(roomId), exact: true })));
  await drainOutbox(queryClient, userId);
}

export function useChatSync(userId: number): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const onMessage = (message: Message) => {
      storeMessage(queryClient, message);
      recordActivity(queryClient, activityOf(message), userId);
      // Another tab of this user may have sent it; this tab's queue never holds a stored message.
      if (message.author.id === userId) useOutboxStore.getState().remove(message.client_id);
    };
    const stops = [
      chatConnection.on('message:new', onMessage),
      chatConnection.on('message:updated', (message) => storeMessage(queryClient, message)),
      chatConnection.on('message:deleted', (message) => storeMessage(queryClient, message)),
      chatConnection.on('room:activity', (event) => recordActivity(queryClient, event, userId)),
      chatConnection.on('room:created', ({ roomId }) => refetchRoomsUnlessKnown(queryClient, roomId)),
      chatConnection.on('typing', (event) =>
        queryClient.setQueryData<TypingState>(chatKeys.typing(event.roomId), (state) =>
          applyTypingEvent(state, event, Date.now()),
        ),
      ),
      chatConnection.on('presence', ({ roomId, online }) =>
        queryClient.setQueryData<ChatUser[]>(chatKeys.presence(roomId), online),
      ),
      chatConnection.on('room:unread', ({ counts }) =>
        queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), (rooms) => rooms && applyUnreadCounts(rooms, counts)),
      ),
      chatConnection.onReady(() => void resync(queryClient, userId)),
    ];
    // Already connected (another view held the socket): the outbox may still hold messages from before a reload.
    if (chatConnection.isReady()) void drainOutbox(queryClient, userId);
    return () => {
      for (const stop of stops) stop();
    };
  }, [queryClient, userId]);
}
