// Messages, cached rooms and room summaries for unit tests.
import type { Message, RoomSummary } from '../../../../server/contract/chat';
import type { RoomMessages } from './messages-cache';
import { syncMark } from './sync-mark';

/** Message `id` at `seq` (default: the id), first version = seq, by alice (user 1). */
export function message(id: number, changes: Partial<Message> = {}): Message {
  const seq = changes.seq ?? id;
  return {
    id,
    room_id: 1,
    seq,
    author: { id: 1, username: 'alice' },
    text: `m${seq}`,
    client_id: `c${id}`,
    created_at: 1_700_000_000_000 + seq,
    edited_at: null,
    deleted_at: null,
    version: seq,
    ...changes,
  };
}

export const held = (messages: Message[], hasOlder = false, through = messages.at(-1)?.version ?? 0): RoomMessages => ({
  messages,
  hasOlder,
  synced: syncMark(through),
});

export function summary(id: number, changes: Partial<RoomSummary> = {}): RoomSummary {
  return {
    id,
    kind: 'public',
    name: `room-${id}`,
    peer: null,
    last_seq: 0,
    last_message_at: null,
    created_at: 1_700_000_000_000,
    member: true,
    last_read_seq: 0,
    unread: 0,
    ...changes,
  };
}
