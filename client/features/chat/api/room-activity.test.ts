import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { RoomSummary } from '../../../../server/contract/chat';
import { chatKeys } from './chat-keys';
import { message, summary } from './chat-fixtures';
import { applyUnreadCounts, keepNewerActivity } from './list-rooms';
import { activityOf, applyActivity, recordActivity } from './room-activity';

const ME = 1;
const by = (authorId: number, roomId: number, ...seqs: number[]) => ({
  roomId,
  lastSeq: Math.max(...seqs),
  lastMessageAt: 5_000 + Math.max(...seqs),
  messages: seqs.map((seq) => ({ seq, authorId })),
});
const byBob = (roomId: number, lastSeq: number) => by(2, roomId, lastSeq);

describe('room activity', () => {
  it('counts a message of someone else as unread in a room the user is a member of, once', () => {
    const room = applyActivity(summary(7, { last_seq: 3, unread: 1 }), byBob(7, 4), ME);
    expect(room).toMatchObject({ last_seq: 4, last_message_at: 5_004, unread: 2 });
    expect(applyActivity(room, byBob(7, 4), ME)).toBe(room);
    expect(applyActivity(room, byBob(7, 2), ME)).toBe(room);
  });

  it('never counts the user\'s own messages, nor any in a room they have not joined', () => {
    expect(applyActivity(summary(7), by(ME, 7, 1), ME)).toMatchObject({ last_seq: 1, unread: 0 });
    expect(applyActivity(summary(7, { member: false }), byBob(7, 1), ME)).toMatchObject({ last_seq: 1, unread: 0 });
  });

  it('counts, of several messages in one event, those of others it has not counted yet', () => {
    const event = { ...by(2, 7, 3, 4, 6), messages: [...by(2, 7, 3, 4).messages, { seq: 5, authorId: ME }, { seq: 6, authorId: 3 }] };
    expect(applyActivity(summary(7, { last_seq: 3, unread: 1 }), event, ME)).toMatchObject({ last_seq: 6, last_message_at: 5_006, unread: 3 });
    expect(applyActivity(summary(7, { last_seq: 3, member: false }), event, ME)).toMatchObject({ last_seq: 6, unread: 0 });
  });

  it('reads a live message as activity, and refetches the list for a room it does not have', async () => {
    expect(activityOf(message(3, { room_id: 7, author: { id: 2, username: 'bob' } }))).toEqual({
      roomId: 7,
      lastSeq: 3,
      lastMessageAt: 1_700_000_000_003,
      messages: [{ seq: 3, authorId: 2 }],
    });
    const queryClient = new QueryClient();
    queryClient.setQueryData<RoomSummary[]>(chatKeys.rooms(), [summary(7)]);
    recordActivity(queryClient, byBob(7, 1), ME);
    expect(queryClient.getQueryData<RoomSummary[]>(chatKeys.rooms())?.[0]?.unread).toBe(1);
    recordActivity(queryClient, byBob(9, 1), ME);
    expect(queryClient.getQueryState(chatKeys.rooms())?.isInvalidated).toBe(true);
  });
});

describe('room list updates', () => {
  it('sets the counts a room:unread event names and keeps the others', () => {
    const rooms = [summary(1, { unread: 2 }), summary(2, { unread: 5 })];
    expect(applyUnreadCounts(rooms, { 2: 1 }).map((r) => r.unread)).toEqual([2, 1]);
  });

  it('keeps activity the cache applied after the fetched list was read', () => {
    const cached = [summary(1, { last_seq: 6, unread: 3, last_message_at: 60 }), summary(2, { last_seq: 2 })];
    const fetched = [summary(1, { last_seq: 5, unread: 2, last_message_at: 50 }), summary(2, { last_seq: 4, unread: 4 })];
    expect(keepNewerActivity(cached, fetched).map((r) => [r.last_seq, r.unread])).toEqual([
      [6, 3],
      [4, 4],
    ]);
  });
});
