// The toast queue: UI state only. A toast holds notification ids; what it shows is read from the query cache.
// Arrivals are collected for a moment before they are shown, because the events of a burst arrive as separate
// tasks and would otherwise flash up one by one before folding into a group.
import { create } from 'zustand';
import { addArrivals, withoutIds, type Toast } from './toast-grouping';

export const ARRIVAL_BATCH_MS = 250;

interface ToastsState {
  toasts: Toast[];
  /** A notification arrived that should be shown. */
  arrive: (id: number) => void;
  dismiss: (key: number) => void;
  /** Read or deleted: no longer news. */
  forget: (isGone: (id: number) => boolean) => void;
  clear: () => void;
}

let nextKey = 0;
let pending: number[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;

export const useToastsStore = create<ToastsState>()((set, get) => ({
  toasts: [],
  arrive: (id) => {
    pending.push(id);
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined;
      const ids = pending;
      pending = [];
      set({ toasts: addArrivals(get().toasts, ids, Date.now(), () => (nextKey += 1)) });
    }, ARRIVAL_BATCH_MS);
  },
  dismiss: (key) => set({ toasts: get().toasts.filter((toast) => toast.key !== key) }),
  forget: (isGone) => {
    pending = pending.filter((id) => !isGone(id));
    const before = get().toasts;
    const toasts = withoutIds(before, isGone);
    if (toasts.length !== before.length || toasts.some((toast, i) => toast !== before[i])) set({ toasts });
  },
  clear: () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    pending = [];
    set({ toasts: [] });
  },
}));
