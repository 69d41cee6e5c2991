// The rooms, each a link to /chat?room=<id> showing when it was last active, with its unread count in the
// accessible name ("general 10:42 AM, 2 unread"). Both change live, from socket events.
import { useState } from 'react';
import { Link } from 'react-router';
import type { RoomSummary } from '../../../../server/contract/chat';
import { roomLabel } from '../api/list-rooms';
import { lastActiveLabel } from './last-active';

export function RoomList({ rooms, selectedId }: { rooms: RoomSummary[]; selectedId: number | undefined }) {
  const publicRooms = rooms.filter((r) => r.kind === 'public');
  const direct = rooms.filter((r) => r.kind === 'direct');
  return (
    <nav aria-label="Rooms" className="chat-rooms">
      <h2 className="chat-rooms-heading">Rooms</h2>
      <RoomLinks rooms={publicRooms} selectedId={selectedId} prefix="#" />
      {direct.length > 0 && (
        <>
          <h2 className="chat-rooms-heading">Direct messages</h2>
          <RoomLinks rooms={direct} selectedId={selectedId} prefix="@" />
        </>
      )}
    </nav>
  );
}

function RoomLinks({ rooms, selectedId, prefix }: { rooms: RoomSummary[]; selectedId: number | undefined; prefix: string }) {
  // "Today" as of opening the page is precise enough for a hint.
  const [now] = useState(() => Date.now());
  return (
    <ul>
      {rooms.map((room) => {
        const label = roomLabel(room);
        // The room on screen is being read: its count is about to clear, so it is not shown meanwhile.
        const unread = room.id === selectedId ? 0 : room.unread;
        return (
          <li key={room.id}>
            {/* The name comes from what is shown (room, last activity), so it contains the visible text; the
                count is said once, in words, instead of as the bare number of the badge. */}
            <Link to={`/chat?room=${room.id}`} className="chat-room-link" aria-current={room.id === selectedId ? 'page' : undefined}>
              <span aria-hidden="true" className="chat-room-prefix">{prefix}</span>
              <span className="chat-room-name">{label}</span>{' '}
              {room.last_message_at !== null && (
                <time className="chat-room-time" dateTime={new Date(room.last_message_at).toISOString()}>
                  {lastActiveLabel(room.last_message_at, now)}
                </time>
              )}
              {unread > 0 && (
                <>
                  <span className="badge" aria-hidden="true">{unread}</span>
                  <span className="visually-hidden">, {unread} unread</span>
                </>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
