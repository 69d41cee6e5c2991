// Storage of rooms, memberships and messages, behind one interface so the service, the handlers and the REST
// routes never write SQL. The queries live by subject: rooms, messages (with the versions of their changes) and
// read state.
import type { ChatUser, Message } from '../contract/chat.js';
import type { RoomRow } from '../db/schema.js';
import type { ChatDb } from './chat-rows.js';
import { messageQueries, type InsertedMessage, type NewMessage } from './message-queries.js';
import { readQueries, type MemberUnread } from './read-queries.js';
import { roomQueries, type MembershipState } from './room-queries.js';
import { withSqliteMessageInsert } from './sqlite-message-insert.js';

export { RoomNameTakenError, toRoom } from './chat-rows.js';
export type { InsertedMessage, MemberUnread, MembershipState, NewMessage };

export interface VisibleRoom {
  room: RoomRow;
  peer: ChatUser | null;
  member: boolean;
  last_read_seq: number;
  unread: number;
}

export interface ChatRepository {
  findRoom(id: number): Promise<RoomRow | undefined>;
  /** The other member of a direct room (null for public rooms or when they are gone). */
  peerOf(room: RoomRow, userId: number): Promise<ChatUser | null>;
  /** Every public room, then the user's direct rooms, with read state and unread counts. */
  visibleRooms(userId: number): Promise<VisibleRoom[]>;
  createPublicRoom(name: string, creatorId: number, at: number): Promise<RoomRow>;
  /** The direct room of two users, created with both memberships when missing. */
  openDirect(userId: number, otherId: number, at: number): Promise<{ room: RoomRow; created: boolean }>;
  membership(userId: number, roomId: number): Promise<MembershipState | undefined>;
  ensureMembership(userId: number, roomId: number, at: number): Promise<MembershipState>;
  /** Stores a message unless the author already stored one with this client id, which is returned instead. */
  insertMessage(input: NewMessage): Promise<InsertedMessage>;
  findMessage(id: number): Promise<Message | undefined>;
  findByClientId(authorId: number, clientId: string): Promise<Message | undefined>;
  /** Both change a message that is not deleted (as the room's next version) and return it as it is now. */
  editMessage(id: number, text: string, at: number): Promise<Message | undefined>;
  deleteMessage(id: number, at: number): Promise<Message | undefined>;
  /** The version of the room's latest change (0: none yet). */
  lastVersion(roomId: number): Promise<number>;
  /** In version order: the messages whose latest change is after `version`, at most `limit`. */
  changedSince(roomId: number, version: number, limit: number): Promise<Message[]>;
  /** Oldest first: the `limit` messages just before `before` (the newest when undefined). */
  before(roomId: number, before: number | undefined, limit: number): Promise<Message[]>;
  /** Moves the marker forward only (capped at the room's last seq); returns where it is now. */
  markRead(userId: number, roomId: number, seq: number): Promise<number>;
  unreadCount(userId: number, roomId: number): Promise<number>;
  /** Per room the user is a member of. */
  unreadCounts(userId: number): Promise<Record<string, number>>;
  /** The unread counts in a room of the members (but its author) who had not read the message at `seq`. */
  unreadBelow(roomId: number, seq: number, authorId: number): Promise<MemberUnread[]>;
  usersByName(usernames: readonly string[]): Promise<ChatUser[]>;
  isMember(userId: number, roomId: number): Promise<boolean>;
}

/** The repository on any database Kysely speaks to (on SQLite, `createChatRepository` adds a faster insert). */
export function createPortableChatRepository(db: ChatDb): ChatRepository {
  const { roomsOf, ...rooms } = roomQueries(db);
  const reads = readQueries(db);
  return {
    ...rooms,
    ...messageQueries(db),
    ...reads,
    async visibleRooms(userId) {
      const [list, counts] = await Promise.all([roomsOf(userId), reads.unreadCounts(userId)]);
      return Promise.all(
        list.map(async (entry) => ({
          ...entry,
          peer: await rooms.peerOf(entry.room, userId),
          unread: counts[entry.room.id] ?? 0,
        })),
      );
    },
  };
}

export function createChatRepository(db: ChatDb): ChatRepository {
  return withSqliteMessageInsert(db, createPortableChatRepository(db));
}
