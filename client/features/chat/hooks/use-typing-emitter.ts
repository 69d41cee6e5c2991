// Tells the room this person is typing: `typing: true` at most every TYPING_RENEW_MS while keys are pressed (the
// others' indicators expire without renewal), `typing: false` on send, blur, idle, or leaving the room.
// Volatile: a lost indicator does no harm, a queued one arriving late would.
import { useCallback, useEffect, useRef } from 'react';
import { chatConnection } from '../api/chat-connection';

export const TYPING_RENEW_MS = 2_000;
export const TYPING_IDLE_MS = 3_000;

export function useTypingEmitter(roomId: number) {
  const lastSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const stop = useCallback(() => {
    clearTimeout(idleTimer.current);
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    chatConnection.volatile('typing', { roomId, typing: false });
  }, [roomId]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current >= TYPING_RENEW_MS) {
      lastSent.current = now;
      chatConnection.volatile('typing', { roomId, typing: true });
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [roomId, stop]);

  useEffect(() => stop, [stop]);
  return { typed, stop };
}
