// How arriving notifications become toasts: one toast each while they trickle in, one counting toast for a burst
// (a replay after a reconnect, a digest, a broadcast storm), and never more than a few on screen.

export interface Toast {
  /** Stable while the toast is shown, so a growing group updates in place instead of appearing anew. */
  readonly key: number;
  /** One id: a single notification; more: "N new notifications". */
  readonly ids: readonly number[];
  readonly shownAt: number;
}

/** More than this many arrivals within the window are shown as one toast. */
export const GROUP_ABOVE = 3;
export const GROUP_WINDOW_MS = 1_000;
export const MAX_VISIBLE_TOASTS = 3;

/**
 * Adds arrivals to the toasts on screen. When the toasts shown within the window and the new arrivals together
 * are more than GROUP_ABOVE, they fold into one group toast (keeping the key of a group already showing).
 */
export function addArrivals(toasts: readonly Toast[], ids: readonly number[], now: number, nextKey: () => number): Toast[] {
  const shown = new Set(toasts.flatMap((toast) => toast.ids));
  const fresh = [...new Set(ids)].filter((id) => !shown.has(id));
  if (fresh.length === 0) return [...toasts];

  const recent = toasts.filter((toast) => now - toast.shownAt < GROUP_WINDOW_MS);
  const recentCount = recent.reduce((sum, toast) => sum + toast.ids.length, 0);
  if (recentCount + fresh.length <= GROUP_ABOVE) {
    const singles = fresh.map((id) => ({ key: nextKey(), ids: [id], shownAt: now }));
    return [...toasts, ...singles].slice(-MAX_VISIBLE_TOASTS);
  }
  const existingGroup = recent.findLast((toast) => toast.ids.length > 1);
  const group: Toast = {
    key: existingGroup?.key ?? nextKey(),
    ids: [...recent.flatMap((toast) => toast.ids), ...fresh],
    shownAt: now,
  };
  return [...toasts.filter((toast) => !recent.includes(toast)), group].slice(-MAX_VISIBLE_TOASTS);
}

/** Takes notifications that were read or deleted meanwhile out of their toasts; empty toasts go. */
export function withoutIds(toasts: readonly Toast[], isGone: (id: number) => boolean): Toast[] {
  return toasts.flatMap((toast) => {
    const ids = toast.ids.filter((id) => !isGone(id));
    if (ids.length === toast.ids.length) return [toast];
    return ids.length === 0 ? [] : [{ ...toast, ids }];
  });
}
