import { useQuery } from '@tanstack/react-query';
import type { ChatUser } from '../../../../server/contract/chat';
import { chatKeys } from '../api/chat-keys';

/** Who is in the room now, from `room:join` and `presence` events. */
export function PresenceList({ roomId }: { roomId: number }) {
  const { data: online = [] } = useQuery<ChatUser[]>({ queryKey: chatKeys.presence(roomId), queryFn: () => [], staleTime: Infinity });
  return (
    <p className="chat-presence">
      <span className="status-dot" aria-hidden="true" /> Online: {online.length > 0 ? online.map((u) => u.username).join(', ') : 'nobody'}
    </p>
  );
}
