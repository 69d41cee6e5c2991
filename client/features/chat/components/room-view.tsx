// One open room: header (name, connection, presence), messages, typing line and composer.
import { useQueryClient } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import type { RoomSummary } from '../../../../server/contract/chat';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { useRoomMessages } from '../api/join-room';
import { roomLabel } from '../api/list-rooms';
import { useChatConnectionState } from '../hooks/use-chat-connection';
import { useSendMessage } from '../hooks/use-send-message';
import { entriesOfRoom, useOutboxStore } from '../stores/outbox-store';
import { Composer } from './composer';
import { ConnectionBadge } from './connection-badge';
import { MessageList } from './message-list';
import { PresenceList } from './presence-list';
import { TypingIndicator } from './typing-indicator';

export interface ChatMe {
  id: number;
  username: string;
  isAdmin: boolean;
}

export function RoomView({ room, me }: { room: RoomSummary; me: ChatMe }) {
  const queryClient = useQueryClient();
  const state = useChatConnectionState();
  const messages = useRoomMessages(queryClient, room.id);
  const outbox = useOutboxStore(useShallow((s) => entriesOfRoom(s.entries, me.id, room.id)));
  const { send, retry } = useSendMessage(room.id, me.id);
  const label = roomLabel(room);

  return (
    <section className="chat-room" aria-label={`Room ${label}`}>
      <header className="chat-room-header">
        <h1>{room.kind === 'public' ? `#${label}` : label}</h1>
        <ConnectionBadge state={state} />
        <PresenceList roomId={room.id} />
      </header>
      {messages.data ? (
        <MessageList
          roomId={room.id}
          messages={messages.data.messages}
          hasOlder={messages.data.hasOlder}
          outbox={outbox}
          me={me}
          onRetry={retry}
        />
      ) : messages.isError ? (
        <ErrorPanel title="This room could not be opened" error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <div className="chat-messages-frame chat-loading">
          <Spinner label="Joining the room…" />
        </div>
      )}
      <TypingIndicator roomId={room.id} />
      <Composer roomId={room.id} onSend={send} />
    </section>
  );
}
