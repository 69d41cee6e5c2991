// EventSource gives up for good on any answer but 200 (401 after sign-out, 429, a 5xx from a proxy). Asked first
// whether retrying makes sense at all (is the person still signed in?), and if so, the stream is opened again after
// a growing delay, so a refusal neither ends live updates for good nor turns into a tight loop.
import type { StreamState } from './event-stream-types';
import type { StreamRole } from './shared-event-stream';

export const REFUSED_RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000] as const;

interface RetryableStream {
  getStatus(): { readonly state: StreamState; readonly role: StreamRole };
  subscribe(listener: () => void): () => void;
  reconnect(): void;
}

/** `mayRetry` resolves false when retrying is pointless (signed out); a failure to find out counts as "retry". */
export function retryWhenRefused(
  stream: RetryableStream,
  mayRetry: () => Promise<boolean>,
  delays: readonly number[] = REFUSED_RETRY_MS,
): () => void {
  let attempt = 0;
  let busy = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retryLater = () => {
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 0;
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      busy = false;
      if (!stopped) stream.reconnect();
    }, delay);
  };

  const stopListening = stream.subscribe(() => {
    const { state, role } = stream.getStatus();
    if (state === 'open') attempt = 0;
    // Only the tab holding the stream can reopen it; the others see the refusal relayed.
    if (state !== 'refused' || role !== 'leader' || busy) return;
    busy = true;
    mayRetry().then(
      (retry) => {
        if (stopped) return;
        if (retry) retryLater();
        else busy = false;
      },
      () => {
        if (!stopped) retryLater();
      },
    );
  });

  return () => {
    stopped = true;
    clearTimeout(timer);
    stopListening();
  };
}
