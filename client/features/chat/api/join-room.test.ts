import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../server/contract/chat';
import { chatKeys } from './chat-keys';
import { joinPayload, openRoomIds } from './join-room';
import type { RoomMessages } from './messages-cache';

const msg = (seq: number): Message => ({
  id: seq,
  room_id: 1,
  seq,
  author: { id: 1, username: 'alice' },
  text: 'x',
  client_id: `c${seq}`,
  created_at: 0,
  edited_at: null,
  deleted_at: null,
});

describe('re-sync after a reconnect', () => {
  it('joins a room seen for the first time without `after` (the newest page)', () => {
    expect(joinPayload(3, undefined)).toEqual({ roomId: 3 });
  });

  it('re-joins with `after` = the last seq held, 0 for a room held empty', () => {
    expect(joinPayload(3, { messages: [msg(4), msg(7)], hasOlder: true })).toEqual({ roomId: 3, after: 7 });
    expect(joinPayload(3, { messages: [], hasOlder: false })).toEqual({ roomId: 3, after: 0 });
  });

  it('re-joins every room the tab holds, each with its own last seq', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<RoomMessages>(chatKeys.messages(1), { messages: [msg(1), msg(2)], hasOlder: false });
    queryClient.setQueryData<RoomMessages>(chatKeys.messages(8), { messages: [msg(5)], hasOlder: false });
    queryClient.setQueryData(chatKeys.presence(9), []);
    const plan = openRoomIds(queryClient)
      .sort((a, b) => a - b)
      .map((id) => joinPayload(id, queryClient.getQueryData<RoomMessages>(chatKeys.messages(id))));
    expect(plan).toEqual([
      { roomId: 1, after: 2 },
      { roomId: 8, after: 5 },
    ]);
  });
});
