// A toast goes away on its own after a while, but not while the pointer is on it or the focus is in it: nobody
// should have to race a timer to read or act on it. `restartKey` changing (a group that grew) starts it over.
import { useEffect, useEffectEvent, useRef, useState } from 'react';

export interface AutoDismissHandlers {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onFocus: () => void;
  onBlur: () => void;
}

export function useAutoDismiss(onExpire: () => void, durationMs: number, restartKey: unknown): AutoDismissHandlers {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const remaining = useRef(durationMs);
  const expire = useEffectEvent(onExpire);
  const paused = hovered || focused;

  useEffect(() => {
    remaining.current = durationMs;
  }, [restartKey, durationMs]);

  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => expire(), Math.max(0, remaining.current));
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused, restartKey]);

  return {
    onPointerEnter: () => setHovered(true),
    onPointerLeave: () => setHovered(false),
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
  };
}
