// What the page says about the /chat connection, as a small external store (read with useSyncExternalStore).
export type ChatConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export function createConnectionState() {
  let state: ChatConnectionState = 'idle';
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: ChatConnectionState): void {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
