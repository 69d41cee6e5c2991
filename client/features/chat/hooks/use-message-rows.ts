// The message list's virtual rows: only those near the view are in the page, each measured as it renders (a
// message is as tall as its text). Anchored to the end: rows added above (older messages) leave the rows on
// screen where they are, and while the view is at the newest row it follows new ones. A row holding focus (a
// message being edited, a focused button) stays rendered when scrolled away, so nobody loses their place.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

const ESTIMATED_ROW_PX = 64;
/** This close to the end counts as at the newest message. */
export const BOTTOM_SLACK_PX = 48;

export function useMessageRows(scroller: RefObject<HTMLElement | null>, keys: readonly string[]) {
  const focused = useRef<string | undefined>(undefined);
  const getItemKey = useCallback((index: number) => keys[index] ?? index, [keys]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const pinned = focused.current === undefined ? -1 : keys.indexOf(focused.current);
      return pinned < 0 || indexes.includes(pinned) ? indexes : [...indexes, pinned].sort((a, b) => a - b);
    },
    [keys],
  );

  // The virtualizer is read during render on purpose; nothing derived from it is memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey,
    rangeExtractor,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: BOTTOM_SLACK_PX,
  });

  // A room opens at its newest message.
  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer]);

  const focusHandlers = {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      focused.current = row ? keys[Number(row.dataset.index)] : undefined;
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focused.current = undefined;
    },
  };
  return { virtualizer, focusHandlers };
}
