// Whether the view is at the newest message, and how many arrived while it was not, for a "N new messages"
// button. Following new messages while at the bottom, and keeping the view still when older ones are added
// above, is the virtualizer's work (see use-message-rows.ts).
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useState, type RefObject } from 'react';
import { BOTTOM_SLACK_PX } from './use-message-rows';

export function useStickToBottom(
  scroller: RefObject<HTMLElement | null>,
  virtualizer: Virtualizer<HTMLElement, Element>,
  lastKey: string | undefined,
  count: number,
) {
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const [last, setLast] = useState({ lastKey, count });

  // A new last row is an arrival; counted while the person reads further up.
  if (last.lastKey !== lastKey || last.count !== count) {
    setLast({ lastKey, count });
    if (!atBottom && lastKey !== last.lastKey && count > last.count) setUnseen((n) => n + count - last.count);
  }

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    setAtBottom(bottom);
    if (bottom) setUnseen(0);
  }, [scroller]);

  const scrollToBottom = useCallback(() => {
    virtualizer.scrollToEnd();
    setAtBottom(true);
    setUnseen(0);
  }, [virtualizer]);

  return { atBottom, unseen, onScroll, scrollToBottom };
}
