import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs`, so "2 min ago" does not stay "just now". */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
