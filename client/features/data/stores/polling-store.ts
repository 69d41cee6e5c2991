// How often the Data page asks the change feed for news: a preference of this browser, so it is remembered here
// and never sent to the server.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const POLL_INTERVALS = [0, 1_000, 5_000, 30_000] as const;
export type PollInterval = (typeof POLL_INTERVALS)[number];
export const DEFAULT_POLL_INTERVAL: PollInterval = 5_000;
export const POLLING_STORAGE_KEY = 'switchboard.data.polling';

export function isPollInterval(value: unknown): value is PollInterval {
  return (POLL_INTERVALS as readonly unknown[]).includes(value);
}

interface PollingState {
  /** Milliseconds between polls; 0 is off. */
  intervalMs: PollInterval;
  setIntervalMs: (intervalMs: PollInterval) => void;
}

export const usePollingStore = create<PollingState>()(
  persist(
    (set) => ({
      intervalMs: DEFAULT_POLL_INTERVAL,
      setIntervalMs: (intervalMs) => set({ intervalMs }),
    }),
    {
      name: POLLING_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ intervalMs }) => ({ intervalMs }),
      // Storage is editable by anyone; an unknown value must not turn into a 0 ms poll loop.
      merge: (persisted, current) => {
        const intervalMs = (persisted as { intervalMs?: unknown } | undefined)?.intervalMs;
        return isPollInterval(intervalMs) ? { ...current, intervalMs } : current;
      },
    },
  ),
);
