// How far this tab is in step with a room's changes. Every change (new message, edit, delete) has a room version;
// the tab holds a change once the message it touched is in the cache at that version or later. `through` is the
// version it can resume from: every change up to it is held. Changes can arrive out of order (live events are
// emitted as each handler finishes), so those held above a gap wait in `ahead` until the gap fills. A re-join
// answers with a version it is in step with whatever came before.
export interface SyncMark {
  through: number;
  /** Versions held above `through`, ascending. */
  ahead: number[];
}

/** Past this many, a gap is left to the next re-join to fill, which does it in one answer anyway. */
const AHEAD_MAX = 1_000;

export const syncMark = (through: number): SyncMark => ({ through, ahead: [] });

function advance(through: number, ahead: readonly number[]): SyncMark {
  let next = through;
  let i = 0;
  for (; i < ahead.length && ahead[i]! <= next + 1; i += 1) next = Math.max(next, ahead[i]!);
  return { through: next, ahead: ahead.slice(i) };
}

/** The mark once the changes at `versions` are held too. */
export function markHeld(mark: SyncMark, versions: readonly number[]): SyncMark {
  const fresh = versions.filter((v) => v > mark.through && !mark.ahead.includes(v));
  if (fresh.length === 0) return mark;
  const ahead = [...new Set([...mark.ahead, ...fresh])].sort((a, b) => a - b).slice(0, AHEAD_MAX);
  return advance(mark.through, ahead);
}

/** The mark after a join that answered with `version`. */
export function markJoined(mark: SyncMark | undefined, version: number): SyncMark {
  if (!mark) return syncMark(version);
  const through = Math.max(mark.through, version);
  return advance(through, mark.ahead.filter((v) => v > through));
}
