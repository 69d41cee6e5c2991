import { describe, expect, it } from 'vitest';
import { idsOf, notification, page, pages } from './notification-fixtures';
import {
  insertNotification,
  markReadInPages,
  readEventCovers,
  removeFromPages,
  withArrivals,
} from './notification-pages';

const all = { unreadOnly: false };
const unread = { unreadOnly: true };

describe('insertNotification', () => {
  it('puts a new notification in front of the first page', () => {
    expect(idsOf(insertNotification(pages([5, 4], [3]), notification(6), all))).toEqual([[6, 5, 4], [3]]);
  });

  it('adds a notification only once, wherever it already is', () => {
    const data = pages([5, 4], [3]);
    expect(insertNotification(data, notification(5), all)).toBe(data);
    expect(insertNotification(data, notification(3), all)).toBe(data);
  });

  it('keeps id order when a replay brings an older one the first page lacks', () => {
    expect(idsOf(insertNotification(pages([9, 5]), notification(7), all))).toEqual([[9, 7, 5]]);
  });

  it('leaves a notification older than the first page to the pages behind it', () => {
    const data = pages([9, 8], [7]);
    expect(insertNotification(data, notification(2), all)).toBe(data);
    expect(idsOf(insertNotification(pages([9, 8]), notification(2), all))).toEqual([[9, 8, 2]]);
  });

  it('keeps read notifications out of unread-only lists', () => {
    const data = pages([5]);
    expect(insertNotification(data, notification(6, { read_at: 1 }), unread)).toBe(data);
    expect(idsOf(insertNotification(data, notification(6), unread))).toEqual([[6, 5]]);
  });

  it('applies to a list with no notifications yet', () => {
    expect(idsOf(insertNotification(pages([]), notification(1), all))).toEqual([[1]]);
  });
});

describe('read events', () => {
  it('cover listed ids, or every id up to a bound', () => {
    const listed = readEventCovers({ ids: [2, 4] });
    expect([1, 2, 3, 4].map(listed)).toEqual([false, true, false, true]);
    const upTo = readEventCovers({ all: true, up_to: 3 });
    expect([2, 3, 4].map(upTo)).toEqual([true, true, false]);
  });

  it('mark covered unread items read on every page and keep them in place', () => {
    const data = markReadInPages(pages([5, 4], [3]), readEventCovers({ all: true, up_to: 4 }), 99);
    expect(idsOf(data)).toEqual([[5, 4], [3]]);
    expect(data.pages.flatMap((p) => p.data.map((item) => item.read_at))).toEqual([null, 99, 99]);
  });

  it('change nothing (same object) when nothing they cover is unread', () => {
    const data = pages([5]);
    expect(markReadInPages(data, readEventCovers({ ids: [1] }), 99)).toBe(data);
  });
});

describe('removeFromPages', () => {
  it('removes deleted notifications from any page', () => {
    expect(idsOf(removeFromPages(pages([5, 4], [3]), new Set([4, 3])))).toEqual([[5], []]);
    const data = pages([5]);
    expect(removeFromPages(data, new Set([9]))).toBe(data);
  });
});

describe('withArrivals', () => {
  it('adds back what was pushed while the first page was being read, newest first', () => {
    const fresh = page([notification(5), notification(4)]);
    const arrivals = [notification(4), notification(6), notification(7), notification(2)];
    expect(withArrivals(fresh, arrivals, all).data.map((item) => item.id)).toEqual([7, 6, 5, 4]);
  });

  it('returns the page as it is when it already has everything', () => {
    const fresh = page([notification(5)]);
    expect(withArrivals(fresh, [notification(5)], all)).toBe(fresh);
  });

  it('adds no read arrival to an unread-only page', () => {
    const fresh = page([]);
    expect(withArrivals(fresh, [notification(3, { read_at: 1 }), notification(4)], unread).data.map((item) => item.id)).toEqual([4]);
  });
});
