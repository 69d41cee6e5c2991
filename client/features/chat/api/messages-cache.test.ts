import { describe, expect, it } from 'vitest';
import { held, message } from './chat-fixtures';
import { mergeMessages, withMessages, withOlderPage } from './messages-cache';

describe('mergeMessages', () => {
  it('dedupes by id and orders by seq', () => {
    const merged = mergeMessages([message(1), message(3)], [message(3), message(2), message(4), message(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the copy with the greater version, whichever arrives first', () => {
    const edited = message(1, { text: 'new', edited_at: 5, version: 4 });
    const deleted = message(1, { text: '', deleted_at: 6, version: 6 });
    expect(mergeMessages([message(1)], [edited])[0]!.text).toBe('new');
    expect(mergeMessages([edited], [message(1)])[0]!.text).toBe('new');
    expect(mergeMessages([deleted], [edited])[0]!.deleted_at).toBe(6);
    expect(mergeMessages([edited], [deleted])[0]!.deleted_at).toBe(6);
  });

  it('returns the same array when nothing changes', () => {
    const list = [message(1)];
    expect(mergeMessages(list, [])).toBe(list);
    expect(mergeMessages(list, [message(1)])).toBe(list);
  });
});

describe('withMessages', () => {
  it('leaves a room the tab does not hold absent', () => {
    expect(withMessages(undefined, [message(1)])).toBeUndefined();
  });

  it('leaves changes below the window to scrollback, but counts them as held', () => {
    const data = held([message(5), message(6)], true);
    const next = withMessages(data, [message(2, { text: 'edited', version: 7 }), message(5, { text: 'edited', version: 8 })])!;
    expect(next.messages.map((m) => [m.seq, m.text])).toEqual([
      [5, 'edited'],
      [6, 'm6'],
    ]);
    expect(next.synced.through).toBe(8);
  });

  it('takes any change once the window reaches the first message', () => {
    const next = withMessages(held([message(5)], false), [message(2)])!;
    expect(next.messages.map((m) => m.seq)).toEqual([2, 5]);
  });

  it('grows the window down with an older page', () => {
    const next = withOlderPage(held([message(5)], true), [message(3), message(4)], false)!;
    expect([next.messages.map((m) => m.seq), next.hasOlder]).toEqual([[3, 4, 5], false]);
  });
});
