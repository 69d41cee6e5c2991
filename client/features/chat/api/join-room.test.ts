import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { chatKeys } from './chat-keys';
import { held, message } from './chat-fixtures';
import { joinPayload, openRoomIds } from './join-room';
import type { RoomMessages } from './messages-cache';

describe('re-sync after a reconnect', () => {
  it('joins a room seen for the first time without `since` (the newest page)', () => {
    expect(joinPayload(3, undefined)).toEqual({ roomId: 3 });
  });

  it('re-joins with `since` = the version the tab is in step with, not the greatest it has seen', () => {
    expect(joinPayload(3, held([message(4), message(7)], true, 7))).toEqual({ roomId: 3, since: 7 });
    expect(joinPayload(3, { ...held([message(4)]), synced: { through: 4, ahead: [9] } })).toEqual({ roomId: 3, since: 4 });
    expect(joinPayload(3, held([], false))).toEqual({ roomId: 3, since: 0 });
  });

  it('re-joins every room the tab holds, each from its own version', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<RoomMessages>(chatKeys.messages(1), held([message(1), message(2)]));
    queryClient.setQueryData<RoomMessages>(chatKeys.messages(8), held([message(5)]));
    queryClient.setQueryData(chatKeys.presence(9), []);
    const plan = openRoomIds(queryClient)
      .sort((a, b) => a - b)
      .map((id) => joinPayload(id, queryClient.getQueryData<RoomMessages>(chatKeys.messages(id))));
    expect(plan).toEqual([
      { roomId: 1, since: 2 },
      { roomId: 8, since: 5 },
    ]);
  });
});
