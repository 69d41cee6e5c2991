import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../server/contract/chat';
import { lastSeqOf, mergeMessages, withMessages } from './messages-cache';

const msg = (id: number, seq: number, extra: Partial<Message> = {}): Message => ({
  id,
  room_id: 1,
  seq,
  author: { id: 1, username: 'alice' },
  text: `m${seq}`,
  client_id: `c${id}`,
  created_at: 0,
  edited_at: null,
  deleted_at: null,
  ...extra,
});

describe('mergeMessages', () => {
  it('dedupes by id and orders by seq', () => {
    const merged = mergeMessages([msg(1, 1), msg(3, 3)], [msg(3, 3), msg(2, 2), msg(4, 4), msg(2, 2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('lets a later version win, but never un-deletes or un-edits', () => {
    const edited = msg(1, 1, { text: 'new', edited_at: 5 });
    expect(mergeMessages([msg(1, 1)], [edited])[0]!.text).toBe('new');
    expect(mergeMessages([edited], [msg(1, 1)])[0]!.text).toBe('new');
    const deleted = msg(1, 1, { text: '', deleted_at: 6 });
    expect(mergeMessages([deleted], [edited])[0]!.deleted_at).toBe(6);
  });

  it('returns the same array when nothing arrives', () => {
    const held = [msg(1, 1)];
    expect(mergeMessages(held, [])).toBe(held);
  });
});

describe('withMessages and lastSeqOf', () => {
  it('leaves a room the tab does not hold absent', () => {
    expect(withMessages(undefined, [msg(1, 1)])).toBeUndefined();
  });

  it('is the greatest seq held, 0 for an empty room, undefined when nothing is held', () => {
    expect(lastSeqOf({ messages: [msg(1, 1), msg(9, 9)], hasOlder: false })).toBe(9);
    expect(lastSeqOf({ messages: [], hasOlder: false })).toBe(0);
    expect(lastSeqOf(undefined)).toBeUndefined();
  });
});
