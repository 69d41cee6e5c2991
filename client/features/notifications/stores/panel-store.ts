// Whether the bell's panel is open and what it filters: UI state only, so a toast can open the panel too.
import { create } from 'zustand';

interface PanelState {
  open: boolean;
  unreadOnly: boolean;
  setOpen: (open: boolean) => void;
  setUnreadOnly: (unreadOnly: boolean) => void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  open: false,
  unreadOnly: false,
  setOpen: (open) => set({ open }),
  setUnreadOnly: (unreadOnly) => set({ unreadOnly }),
}));
