// After a failure a lane waits before trying again, longer after each failure in a row, with jitter so lanes
// (and pages) that failed together do not all come back in the same millisecond.
export const BACKOFF_MIN_MS = 250;
export const BACKOFF_MAX_MS = 5000;

/** The wait before the next attempt after `failures` failures in a row (1 or more): half to all of the step. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step * (0.5 + random() * 0.5));
}

/** A message for `LaneListener.error` from whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    // fetch in Node says only "fetch failed"; the reason (connection reset, refused) is the cause.
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
