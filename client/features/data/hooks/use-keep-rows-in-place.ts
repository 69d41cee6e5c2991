// With `maxPages`, loading a page at one end drops a page at the other, and every row changes its index. This
// moves the scroll position by the same number of rows, so the rows under the pointer stay where they were.
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { OrderRow } from '../api/order-rows';

export function useKeepRowsInPlace(scrollRef: RefObject<HTMLElement | null>, rows: readonly OrderRow[], rowHeight: number) {
  const previousIds = useRef<number[]>([]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const before = previousIds.current;
    const ids = rows.map((row) => row.id);
    previousIds.current = ids;
    // At the very top the person is looking at the start of the list; new rows there should be seen.
    if (!element || before.length === 0 || element.scrollTop < rowHeight / 2) return;
    const topIndex = Math.min(before.length - 1, Math.floor(element.scrollTop / rowHeight));
    const anchor = before[topIndex];
    const nowAt = anchor === undefined ? -1 : ids.indexOf(anchor);
    // Not found: a different list (new filters, reloaded from the top); there is nothing to keep in place.
    if (nowAt >= 0 && nowAt !== topIndex) element.scrollTop += (nowAt - topIndex) * rowHeight;
  }, [scrollRef, rows, rowHeight]);
}
