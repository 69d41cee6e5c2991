// Messages written but not yet stored by the server: shown at once as pending, sent in order, one at a time.
// Kept in sessionStorage so a reload does not lose them; each keeps its clientId, so a resend after a lost ack
// gets the stored message back instead of a duplicate.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const OUTBOX_STORAGE_KEY = 'switchboard.chat.outbox';

export interface OutboxEntry {
  clientId: string;
  /** The author: a tab can change hands at sign-out, and nobody sends another person's queue. */
  userId: number;
  roomId: number;
  text: string;
  createdAt: number;
  state: 'pending' | 'failed';
  error?: string;
}

interface OutboxState {
  entries: OutboxEntry[];
  add: (entry: Omit<OutboxEntry, 'state' | 'createdAt'> & { createdAt?: number }) => void;
  fail: (clientId: string, error: string) => void;
  retry: (clientId: string) => void;
  remove: (clientId: string) => void;
}

const isEntry = (value: unknown): value is OutboxEntry => {
  const e = value as Partial<OutboxEntry> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.clientId === 'string' && typeof e.userId === 'number' &&
    typeof e.roomId === 'number' && typeof e.text === 'string' && (e.state === 'pending' || e.state === 'failed')
  );
};

export const useOutboxStore = create<OutboxState>()(
  persist(
    (set) => ({
      entries: [],
      add: (entry) =>
        set((s) => ({ entries: [...s.entries, { createdAt: Date.now(), ...entry, state: 'pending' }] })),
      fail: (clientId, error) =>
        set((s) => ({ entries: s.entries.map((e) => (e.clientId === clientId ? { ...e, state: 'failed', error } : e)) })),
      // Back to pending in place: the same clientId, so a message that was in fact stored comes back as it is.
      retry: (clientId) =>
        set((s) => ({
          entries: s.entries.map((e) => (e.clientId === clientId ? { ...e, state: 'pending', error: undefined } : e)),
        })),
      remove: (clientId) => set((s) => ({ entries: s.entries.filter((e) => e.clientId !== clientId) })),
    }),
    {
      name: OUTBOX_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ entries }) => ({ entries }),
      // Storage is editable: keep only well-formed entries.
      merge: (persisted, current) => {
        const entries = (persisted as { entries?: unknown } | undefined)?.entries;
        return Array.isArray(entries) ? { ...current, entries: entries.filter(isEntry) } : current;
      },
    },
  ),
);

/** The next entry to send for a user: the oldest pending one (failed ones wait for Retry). */
export const nextPending = (entries: readonly OutboxEntry[], userId: number): OutboxEntry | undefined =>
  entries.find((e) => e.userId === userId && e.state === 'pending');

export const entriesOfRoom = (entries: readonly OutboxEntry[], userId: number, roomId: number): OutboxEntry[] =>
  entries.filter((e) => e.userId === userId && e.roomId === roomId);
