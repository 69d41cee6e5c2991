// Keeps a message list scrolled to the newest message unless the person has scrolled up to read; then it counts
// what arrived meanwhile for a "N new messages" button. Prepending older messages keeps the view in place.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

const BOTTOM_SLACK_PX = 48;

export function useStickToBottom(ref: RefObject<HTMLElement | null>, firstKey: string | undefined, count: number) {
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const atBottomRef = useRef(true);
  const previous = useRef({ firstKey, count, height: 0 });

  const scrollToBottom = useCallback(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottomRef.current = true;
    setAtBottom(true);
    setUnseen(0);
  }, [ref]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    atBottomRef.current = bottom;
    setAtBottom(bottom);
    if (bottom) setUnseen(0);
  }, [ref]);

  useLayoutEffect(() => {
    const el = ref.current;
    const before = previous.current;
    previous.current = { firstKey, count, height: el?.scrollHeight ?? 0 };
    if (!el || count === before.count) return;
    const prepended = before.firstKey !== undefined && firstKey !== before.firstKey && count > before.count;
    if (prepended && !atBottomRef.current) {
      el.scrollTop += el.scrollHeight - before.height; // older messages above: keep what was on screen still
    } else if (atBottomRef.current) {
      el.scrollTop = el.scrollHeight;
    } else if (count > before.count) {
      setUnseen((n) => n + count - before.count);
    }
  }, [ref, firstKey, count]);

  return { atBottom, unseen, onScroll, scrollToBottom };
}
