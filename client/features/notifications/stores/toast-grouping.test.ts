import { describe, expect, it } from 'vitest';
import { addArrivals, GROUP_WINDOW_MS, MAX_VISIBLE_TOASTS, withoutIds, type Toast } from './toast-grouping';

function keys() {
  let key = 0;
  return () => (key += 1);
}

const idsOf = (toasts: Toast[]) => toasts.map((toast) => toast.ids);

describe('addArrivals', () => {
  it('shows a few arrivals one toast each', () => {
    const toasts = addArrivals([], [1, 2, 3], 1000, keys());
    expect(idsOf(toasts)).toEqual([[1], [2], [3]]);
  });

  it('folds a burst of more than three into one counting toast', () => {
    const toasts = addArrivals([], [1, 2, 3, 4, 5], 1000, keys());
    expect(idsOf(toasts)).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('folds the toasts of the last second into the group when arrivals keep coming', () => {
    const nextKey = keys();
    let toasts = addArrivals([], [1, 2], 1000, nextKey);
    toasts = addArrivals(toasts, [3, 4], 1500, nextKey);
    expect(idsOf(toasts)).toEqual([[1, 2, 3, 4]]);
    const groupKey = toasts[0]?.key;
    toasts = addArrivals(toasts, [5], 1900, nextKey);
    // The same toast grows, so it updates in place instead of appearing again.
    expect(idsOf(toasts)).toEqual([[1, 2, 3, 4, 5]]);
    expect(toasts[0]?.key).toBe(groupKey);
  });

  it('does not fold toasts older than the window', () => {
    const nextKey = keys();
    let toasts = addArrivals([], [1, 2, 3], 1000, nextKey);
    toasts = addArrivals(toasts, [4], 1000 + GROUP_WINDOW_MS, nextKey);
    expect(idsOf(toasts)).toEqual([[2], [3], [4]]);
  });

  it('never shows more than three toasts and never the same notification twice', () => {
    const nextKey = keys();
    let toasts: Toast[] = [];
    for (let id = 1; id <= 10; id += 1) toasts = addArrivals(toasts, [id, id], id * 5000, nextKey);
    expect(toasts).toHaveLength(MAX_VISIBLE_TOASTS);
    expect(idsOf(toasts)).toEqual([[8], [9], [10]]);
    expect(addArrivals(toasts, [10], 60_000, nextKey)).toEqual(toasts);
  });
});

describe('withoutIds', () => {
  it('takes read or deleted notifications out and drops toasts left empty', () => {
    const toasts: Toast[] = [
      { key: 1, ids: [1], shownAt: 0 },
      { key: 2, ids: [2, 3, 4, 5], shownAt: 0 },
    ];
    const gone = new Set([1, 3]);
    expect(withoutIds(toasts, (id) => gone.has(id))).toEqual([{ key: 2, ids: [2, 4, 5], shownAt: 0 }]);
    expect(withoutIds(toasts, () => false)).toEqual(toasts);
  });
});
