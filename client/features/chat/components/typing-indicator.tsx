// "alice is typing…" from the room's typing state. It re-renders when the next indicator lapses, since a lapse
// is the absence of an event.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { chatKeys } from '../api/chat-keys';
import { activeTypers, nextExpiry, typingText, type TypingState } from '../api/typing-state';

export function TypingIndicator({ roomId }: { roomId: number }) {
  const { data } = useQuery<TypingState>({ queryKey: chatKeys.typing(roomId), queryFn: () => ({}), staleTime: Infinity });
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const current = Date.now();
    const expiry = nextExpiry(data, current);
    if (expiry === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), expiry - current + 10);
    return () => clearTimeout(timer);
  }, [data, now]);

  // `now` can lag the clock, which only errs towards showing: a fresh event's deadline is always after it.
  const text = typingText(activeTypers(data, now));
  return (
    <p className="chat-typing" aria-live="polite">
      {text}
    </p>
  );
}
