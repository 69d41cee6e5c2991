// What the change feed has told this tab that the table has not shown yet: orders created since the list was
// loaded (a count for the banner, never inserted rows) and rows that just changed (a brief highlight).
// Only ids live here; the orders themselves stay in the query cache.
import { create } from 'zustand';

/** Matches the highlight animation in data.css. */
export const FLASH_MS = 1_600;

interface LiveUpdatesState {
  newOrderIds: number[];
  /** Row id → a token that changes on every flash, so a row changed twice in a row flashes twice. */
  flashing: Record<number, number>;
  addNewOrders: (ids: readonly number[]) => void;
  /** An order created in this tab is not news to this tab, whenever the feed reports it. */
  markSeen: (id: number) => void;
  clearNewOrders: () => void;
  flash: (ids: readonly number[]) => void;
  reset: () => void;
}

let flashCounter = 0;
// Not state: nothing renders from it, it only filters what the feed reports later.
const seen = new Set<number>();

export const useLiveUpdatesStore = create<LiveUpdatesState>()((set, get) => ({
  newOrderIds: [],
  flashing: {},
  addNewOrders: (ids) => {
    const known = new Set(get().newOrderIds);
    const added = ids.filter((id) => !known.has(id) && !seen.has(id));
    if (added.length > 0) set({ newOrderIds: [...get().newOrderIds, ...added] });
  },
  markSeen: (id) => {
    seen.add(id);
    if (get().newOrderIds.includes(id)) set({ newOrderIds: get().newOrderIds.filter((known) => known !== id) });
  },
  clearNewOrders: () => {
    if (get().newOrderIds.length > 0) set({ newOrderIds: [] });
  },
  flash: (ids) => {
    if (ids.length === 0) return;
    flashCounter += 1;
    const token = flashCounter;
    set({ flashing: { ...get().flashing, ...Object.fromEntries(ids.map((id) => [id, token])) } });
    setTimeout(() => {
      const flashing = { ...get().flashing };
      for (const id of ids) if (flashing[id] === token) delete flashing[id];
      set({ flashing });
    }, FLASH_MS);
  },
  reset: () => {
    seen.clear();
    set({ newOrderIds: [], flashing: {} });
  },
}));
