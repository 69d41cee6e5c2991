// CSS picks colours from `data-theme` on <html>; `system` defers to prefers-color-scheme in the stylesheet,
// so no media-query listener is needed here. Called before the first render to avoid a flash of the wrong theme.
import { useThemeStore, type Theme } from './theme-store';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}

export function syncThemeToDocument(): () => void {
  applyTheme(useThemeStore.getState().theme);
  return useThemeStore.subscribe((state, previous) => {
    if (state.theme !== previous.theme) applyTheme(state.theme);
  });
}
