// "Ready to carry traffic", told to every listener after each (re)connect and on coming back online while
// connected (each is a reason to re-sync), and as a promise to a caller that has something to send.
export function createReadySignal(isReady: () => boolean) {
  const listeners = new Set<() => void>();
  const onReady = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return {
    announce(): void {
      for (const listener of [...listeners]) listener();
    },
    onReady,
    /** Resolves once ready (at once if already); rejects when `signal` aborts. */
    whenReady(signal?: AbortSignal): Promise<void> {
      if (isReady()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const stop = () => {
          stopListening();
          signal?.removeEventListener('abort', onAbort);
        };
        const stopListening = onReady(() => {
          stop();
          resolve();
        });
        const onAbort = () => {
          stop();
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort);
      });
    },
  };
}
