// Messages about writes that finished after their dialog closed: errors stay until dismissed, confirmations
// fade on their own. UI state only; the orders they mention live in the query cache.
import { create } from 'zustand';

export type NoticeTone = 'error' | 'success';
export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
}

const SUCCESS_MS = 5_000;
const MAX_NOTICES = 4;
let nextId = 0;

interface NoticesState {
  notices: Notice[];
  push: (tone: NoticeTone, text: string) => void;
  dismiss: (id: number) => void;
  clear: () => void;
}

export const useNoticesStore = create<NoticesState>()((set, get) => ({
  notices: [],
  push: (tone, text) => {
    nextId += 1;
    const id = nextId;
    set({ notices: [...get().notices, { id, tone, text }].slice(-MAX_NOTICES) });
    if (tone === 'success') setTimeout(() => get().dismiss(id), SUCCESS_MS);
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
  clear: () => set({ notices: [] }),
}));

/** For mutation callbacks, which run outside React. */
export const notify = (tone: NoticeTone, text: string): void => useNoticesStore.getState().push(tone, text);
