// What the browser says about its network: `navigator.onLine` and the window's online/offline events. `false` is
// reliable; `true` only means "some network".

/** What the browser says about its network. */
export interface NetworkSignal {
  isOnline(): boolean;
  subscribe(onChange: () => void): () => void;
}

export const browserNetwork: NetworkSignal = {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  subscribe(onChange) {
    if (typeof window === 'undefined') return () => undefined;
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
};
