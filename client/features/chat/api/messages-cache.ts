// The messages of one room as the cache holds them: stored messages only (pending ones live in the outbox), in
// seq order, each id once, at the latest version seen. The same message can arrive in an ack, as a live event and
// again in a catch-up after a re-join, so every arrival goes through `withMessages`. The cache holds a window: the
// newest messages down to the oldest page loaded; a change to a message below it is left for scrollback, which
// fetches it as it is then.
import type { Message } from '../../../../server/contract/chat';
import { markHeld, type SyncMark } from './sync-mark';

export interface RoomMessages {
  messages: Message[];
  /** Older messages exist on the server (REST scrollback). */
  hasOlder: boolean;
  /** The changes of the room this cache is in step with: the next join resumes from `synced.through`. */
  synced: SyncMark;
}

/** Merges `incoming` into `existing`: one entry per id (the greater version wins), ordered by seq. */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const message of existing) byId.set(message.id, message);
  let changed = false;
  for (const message of incoming) {
    const held = byId.get(message.id);
    if (held && held.version >= message.version) continue;
    byId.set(message.id, message);
    changed = true;
  }
  return changed ? [...byId.values()].sort((a, b) => a.seq - b.seq) : (existing as Message[]);
}

/** The cache entry with `incoming` merged in; a room this tab does not hold stays absent. */
export function withMessages(data: RoomMessages | undefined, incoming: readonly Message[]): RoomMessages | undefined {
  if (!data || incoming.length === 0) return data;
  const oldest = data.messages[0]?.seq;
  const inWindow = !data.hasOlder || oldest === undefined ? incoming : incoming.filter((m) => m.seq >= oldest);
  const messages = mergeMessages(data.messages, inWindow);
  const synced = markHeld(data.synced, incoming.map((m) => m.version));
  return messages === data.messages && synced === data.synced ? data : { ...data, messages, synced };
}

/** The cache entry with the page just below its window added: the window grows down to it. */
export function withOlderPage(data: RoomMessages | undefined, page: readonly Message[], hasOlder: boolean): RoomMessages | undefined {
  if (!data) return data;
  return { ...data, messages: mergeMessages(data.messages, page), hasOlder };
}

/** The client ids of stored messages, so an outbox entry already stored is not shown twice. */
export function storedClientIds(messages: readonly Message[], authorId: number): Set<string> {
  return new Set(messages.filter((m) => m.author.id === authorId).map((m) => m.client_id));
}
