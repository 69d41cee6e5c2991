// One leader among the tabs of a browser, chosen with the Web Locks API: the tab holding the lock leads until it
// resigns or goes away (closing a tab releases its locks), and the browser then grants the lock to the next tab
// waiting for it. Holding a Web Lock also keeps Chrome's Energy Saver from freezing the leader in the background.

/** What this module needs of `navigator.locks`; tests pass a fake. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/**
 * Waits for the lock `name` and calls `onElected` once it is held. The returned function resigns: it leaves the
 * queue, or releases the lock when already leading. `onElected` is never called after resigning.
 */
export function campaignForLeadership(
  locks: LockManagerLike,
  name: string,
  onElected: () => void,
  onError: (error: unknown) => void = (error) => console.warn(`Leader election "${name}" failed`, error),
): () => void {
  const controller = new AbortController();
  let resigned = false;
  let release: (() => void) | undefined;

  locks
    .request(name, { signal: controller.signal }, () => {
      // Granted in the same moment as the resignation: hand the lock straight on.
      if (resigned) return Promise.resolve();
      onElected();
      // The lock is held until this promise settles.
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    })
    .catch((error: unknown) => {
      // Aborting a request still waiting is how a follower resigns; it rejects, and that is expected.
      if (!controller.signal.aborted) onError(error);
    });

  return () => {
    if (resigned) return;
    resigned = true;
    controller.abort();
    release?.();
  };
}

export const browserLocks = (): LockManagerLike | undefined =>
  typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : undefined;
