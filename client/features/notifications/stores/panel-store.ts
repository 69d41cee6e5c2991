// Whether the bell's panel is open and what it filters, and whether the Notifications page is on screen: UI state
// only, so a toast can open the panel too, and arrivals that a list already shows are not toasted as well.
import { create } from 'zustand';

interface PanelState {
  open: boolean;
  unreadOnly: boolean;
  /** The Notifications page's history is showing (its list shows arrivals as they come). */
  pageShown: boolean;
  setOpen: (open: boolean) => void;
  setPageShown: (pageShown: boolean) => void;
  setUnreadOnly: (unreadOnly: boolean) => void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  open: false,
  unreadOnly: false,
  pageShown: false,
  setOpen: (open) => set({ open }),
  setPageShown: (pageShown) => set({ pageShown }),
  setUnreadOnly: (unreadOnly) => set({ unreadOnly }),
}));
