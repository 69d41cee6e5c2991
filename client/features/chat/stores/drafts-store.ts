// What the person is writing in each room, so switching rooms keeps an unfinished message. Memory only.
import { create } from 'zustand';

interface DraftsState {
  drafts: Record<number, string>;
  setDraft: (roomId: number, text: string) => void;
}

export const useDraftsStore = create<DraftsState>()((set) => ({
  drafts: {},
  setDraft: (roomId, text) => set((s) => ({ drafts: { ...s.drafts, [roomId]: text } })),
}));
