// Moves the read marker when the newest message is on screen in a visible tab. Debounced, so a burst of messages
// costs one call, and flushed when the room is left, so a short visit still counts as read. Only forward: the
// server keeps the highest seq anyway, this only saves calls. The answer comes back as `room:unread`.
import { useCallback, useEffect, useRef } from 'react';
import { usePageVisible } from '../../../shared/browser/use-page-visibility';
import { chatConnection } from '../api/chat-connection';

export const READ_DEBOUNCE_MS = 400;

export function useReadMarker(roomId: number, newestSeq: number | undefined, newestInView: boolean): void {
  const visible = usePageVisible();
  const sent = useRef(new Map<number, number>());
  const pending = useRef<{ roomId: number; seq: number }>(undefined);

  const flush = useCallback(() => {
    const read = pending.current;
    pending.current = undefined;
    if (!read) return;
    chatConnection
      .request('room:read', read)
      .then(() => sent.current.set(read.roomId, read.seq))
      .catch(() => undefined); // tried again with the next message; a badge is not worth an error
  }, []);

  useEffect(() => {
    if (!visible || !newestInView || !newestSeq) return;
    if ((sent.current.get(roomId) ?? 0) >= newestSeq) return;
    pending.current = { roomId, seq: newestSeq };
    const timer = setTimeout(flush, READ_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [roomId, newestSeq, newestInView, visible, flush]);

  useEffect(() => () => flush(), [roomId, flush]);
}
