// The Chat page: the rooms and the forms to add one, and the selected room (from `?room=<id>`, which mention
// notifications link to). The /chat socket is held open while the page is mounted.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { GENERAL_ROOM_NAME } from '../../../../server/contract/chat';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { useRooms } from '../api/list-rooms';
import { useChatConnectionHold } from '../hooks/use-chat-connection';
import { useChatSync } from '../hooks/use-chat-sync';
import { DirectMessageForm } from './direct-message-form';
import { NewRoomForm } from './new-room-form';
import { RoomList } from './room-list';
import { RoomView, type ChatMe } from './room-view';

export function ChatPage({ me }: { me: ChatMe }) {
  useChatConnectionHold();
  useChatSync(me.id);
  const rooms = useRooms();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('room'));
  const selectedId = Number.isSafeInteger(requested) && requested > 0 ? requested : undefined;
  const general = rooms.data?.find((r) => r.kind === 'public' && r.name === GENERAL_ROOM_NAME);

  // No room asked for: open #general, replacing the history entry so Back leaves the page.
  useEffect(() => {
    if (selectedId === undefined && general) setParams({ room: String(general.id) }, { replace: true });
  }, [selectedId, general, setParams]);

  if (rooms.isError && !rooms.data) {
    return <ErrorPanel title="Rooms could not be loaded" error={rooms.error} onRetry={() => void rooms.refetch()} />;
  }
  if (!rooms.data) return <Spinner label="Loading rooms…" />;
  const selected = rooms.data.find((r) => r.id === selectedId);

  return (
    // Three parts, placed by the stylesheet: rooms and forms beside the room on a wide screen; on a phone the
    // rooms in a row above it and the forms below, so the conversation is on the first screen.
    <div className="chat-page">
      <RoomList rooms={rooms.data} selectedId={selectedId} />
      {selected ? (
        <RoomView key={selected.id} room={selected} me={me} />
      ) : (
        <section className="chat-room chat-room-missing">
          <p>{selectedId === undefined ? 'Pick a room.' : 'This room does not exist, or is not yours to see.'}</p>
        </section>
      )}
      <div className="chat-side-forms">
        <NewRoomForm />
        <DirectMessageForm />
      </div>
    </div>
  );
}
