// Some events are live only (the notification stream's `read` and `deleted`): whatever happened while the stream
// was down is not replayed, so what is shown must be fetched again once it is back. The first open needs nothing:
// the page has just loaded what it shows.
import type { StreamState } from './event-stream-types';

interface StatusSource {
  getStatus(): { readonly state: StreamState };
  subscribe(listener: () => void): () => void;
}

/** Calls `onResumed` each time the stream is open again after having been open and then interrupted. */
export function onResumed(stream: StatusSource, onResumed: () => void): () => void {
  let wasOpen = stream.getStatus().state === 'open';
  let interrupted = false;
  return stream.subscribe(() => {
    const { state } = stream.getStatus();
    if (state !== 'open') {
      // Closing on purpose (sign-out) is not an interruption; a later connect starts afresh.
      if (state === 'idle') wasOpen = interrupted = false;
      else if (wasOpen) interrupted = true;
      return;
    }
    if (interrupted) onResumed();
    wasOpen = true;
    interrupted = false;
  });
}
