// The messages of one room as the cache holds them: stored messages only (pending ones live in the outbox), in
// seq order, each id once. The same message can arrive in an ack, as `message:new` and again in a replay after a
// re-join, so every arrival goes through `mergeMessages`.
import type { Message } from '../../../../server/contract/chat';

export interface RoomMessages {
  messages: Message[];
  /** Older messages exist on the server (REST scrollback). */
  hasOlder: boolean;
}

/** Of two copies of one message, the later state: a delete is final, then the later edit; a tie takes `b`. */
function newerVersion(a: Message, b: Message): Message {
  if (a.deleted_at !== null && b.deleted_at === null) return a;
  if (b.deleted_at === null && (a.edited_at ?? 0) > (b.edited_at ?? 0)) return a;
  return b;
}

/** Merges `incoming` into `existing`: one entry per id (the later version wins), ordered by seq. */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return existing as Message[];
  const byId = new Map<number, Message>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) {
    const held = byId.get(message.id);
    byId.set(message.id, held ? newerVersion(held, message) : message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The cache entry with `incoming` merged in; a room this tab does not hold stays absent. */
export function withMessages(data: RoomMessages | undefined, incoming: readonly Message[]): RoomMessages | undefined {
  if (!data) return data;
  const messages = mergeMessages(data.messages, incoming);
  return messages === data.messages ? data : { ...data, messages };
}

/** The greatest seq held for a room, or undefined when nothing is held yet (join then returns the newest page). */
export function lastSeqOf(data: RoomMessages | undefined): number | undefined {
  if (!data) return undefined;
  return data.messages.at(-1)?.seq ?? 0;
}

/** The client ids of stored messages, so an outbox entry already stored is not shown twice. */
export function storedClientIds(messages: readonly Message[], authorId: number): Set<string> {
  return new Set(messages.filter((m) => m.author.id === authorId).map((m) => m.client_id));
}
