// What a `room:join` answers with: the newest page for a first visit, or every message changed since the version
// the client is in step with. Called after the socket has joined the room, and reads the room's version before its
// messages: every change after that version is in the answer, arrives live, or both (the client keeps the copy with
// the greater version), never neither.
import { JOIN_PAGE_SIZE, REPLAY_MAX, type Message } from '../contract/chat.js';
import type { ChatRepository } from './chat-repository.js';

export interface Replay {
  messages: Message[];
  hasMore: boolean;
  /** The version the client is in step with once it has these messages. */
  version: number;
}

type ReplayRepo = Pick<ChatRepository, 'lastVersion' | 'before' | 'changedSince'>;

export async function replay(repo: ReplayRepo, roomId: number, since: number | undefined): Promise<Replay> {
  const version = await repo.lastVersion(roomId);
  if (since === undefined) {
    const page = await repo.before(roomId, undefined, JOIN_PAGE_SIZE + 1);
    const hasMore = page.length > JOIN_PAGE_SIZE;
    return { messages: hasMore ? page.slice(1) : page, hasMore, version };
  }
  const changed = await repo.changedSince(roomId, since, REPLAY_MAX + 1);
  const hasMore = changed.length > REPLAY_MAX;
  const messages = changed.slice(0, REPLAY_MAX);
  // Cut short, the client is in step only up to the last change it got; complete, up to the version read first.
  return { messages, hasMore, version: hasMore ? messages.at(-1)!.version : version };
}
