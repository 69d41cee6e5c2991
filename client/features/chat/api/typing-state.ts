// Who is typing in a room, from `typing` events. They are volatile (may be lost, `typing: false` included), so an
// indicator expires TYPING_EXPIRY_MS after its last renewal instead of waiting for a stop that may never come.
import { TYPING_EXPIRY_MS, type TypingEvent } from '../../../../server/contract/chat';

/** Per user id: the name to show and when the indicator lapses (ms since the epoch, client clock). */
export type TypingState = Record<number, { username: string; until: number }>;

export function applyTypingEvent(state: TypingState | undefined, event: TypingEvent, now: number): TypingState {
  const next = { ...state };
  if (event.typing) next[event.userId] = { username: event.username, until: now + TYPING_EXPIRY_MS };
  else delete next[event.userId];
  return next;
}

/** The names of those still typing at `now`, in a stable order. */
export function activeTypers(state: TypingState | undefined, now: number): string[] {
  if (!state) return [];
  return Object.values(state)
    .filter((t) => t.until > now)
    .map((t) => t.username)
    .sort();
}

/** When the next indicator lapses, so the view can re-render then (undefined: none active). */
export function nextExpiry(state: TypingState | undefined, now: number): number | undefined {
  const untils = Object.values(state ?? {}).map((t) => t.until).filter((u) => u > now);
  return untils.length > 0 ? Math.min(...untils) : undefined;
}

/** "alice is typing…", "alice and bob are typing…", "alice, bob and 2 others are typing…". */
export function typingText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]} are typing…`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others are typing…`;
}
