// In-memory limits of the chat namespace, per process (several processes would each allow the limit; move to
// the shared store with the adapter when that day comes).

/** At most `max` hits per key in any `windowMs`: a sliding window of timestamps, bounded by `max` per key. */
export function createSlidingWindow(max: number, windowMs: number, now = Date.now) {
  const hits = new Map<string | number, number[]>();
  return {
    /** Records a hit and returns true, or returns false (recording nothing) when the key is over the limit. */
    take(key: string | number): boolean {
      const at = now();
      const recent = (hits.get(key) ?? []).filter((t) => at - t < windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(at);
      hits.set(key, recent);
      return true;
    },
    /** Gives back the latest hit of `key`: what it was taken for turned out to need none. */
    refund(key: string | number): void {
      hits.get(key)?.pop();
    },
    /** Ms until the next hit is allowed. */
    retryAfterMs(key: string | number): number {
      const oldest = hits.get(key)?.[0];
      return oldest === undefined ? 0 : Math.max(0, windowMs - (now() - oldest));
    },
    forget(key: string | number): void {
      hits.delete(key);
    },
  };
}

/** Passes a key at most once per `intervalMs`; entries older than the interval are dropped as it goes. */
export function createThrottle(intervalMs: number, now = Date.now) {
  const last = new Map<string, number>();
  return {
    pass(key: string): boolean {
      const at = now();
      const previous = last.get(key);
      if (previous !== undefined && at - previous < intervalMs) return false;
      last.set(key, at);
      // Cheap sweep so the map does not keep every user/room pair ever seen.
      if (last.size > 10_000) for (const [k, t] of last) if (at - t >= intervalMs) last.delete(k);
      return true;
    },
    reset(key: string): void {
      last.delete(key);
    },
  };
}
