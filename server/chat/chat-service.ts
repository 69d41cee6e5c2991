// The rules of chat, shared by the socket handlers and the REST routes: who may see, join, write, edit and delete
// what. A direct room is invisible to everybody but its two members (not_found, never forbidden: its existence
// is private). Errors are ApiErrors: a problem over HTTP, an error ack over Socket.IO.
import { MESSAGE_MAX_LENGTH, type ChatUser, type Message, type Room } from '../contract/chat.js';
import type { User } from '../contract/auth.js';
import { ApiError } from '../http/problem.js';
import type { RoomRow } from '../db/schema.js';
import { RoomNameTakenError, toRoom, type ChatRepository, type InsertedMessage } from './chat-repository.js';
import type { UsersRepository } from '../auth/users-repository.js';

export interface ChatService {
  /** The room as this user sees it; not_found when it does not exist or is someone else's direct room. */
  visibleRoom(user: User, roomId: number): Promise<{ row: RoomRow; room: Room }>;
  /** Ensures membership (public rooms: anyone; direct rooms: already members only). */
  enter(user: User, roomId: number): Promise<{ room: Room; lastReadSeq: number }>;
  /** The room, for a member; not_found otherwise. */
  memberRoom(user: User, roomId: number): Promise<Room>;
  /** Stores the message (or finds the one stored under this client id); the room says who shares it. */
  send(user: User, input: { roomId: number; clientId: string; text: string }): Promise<InsertedMessage>;
  edit(user: User, messageId: number, text: string): Promise<Message>;
  remove(user: User, messageId: number): Promise<Message>;
  createRoom(user: User, name: string): Promise<Room>;
  openDirect(user: User, username: string): Promise<{ room: Room; created: boolean }>;
  /** Users named with `@username` in the text who may see the room (the author excluded). */
  mentioned(author: User, room: Pick<Room, 'id' | 'kind'>, text: string): Promise<ChatUser[]>;
}

/** Trimmed text of 1–4000 characters (code points, so an emoji counts once), or validation_failed. */
export function messageText(raw: string): string {
  const text = raw.trim();
  const length = [...text].length;
  if (length < 1 || length > MESSAGE_MAX_LENGTH) {
    throw new ApiError('validation_failed', `text must be 1–${MESSAGE_MAX_LENGTH} characters after trimming (it has ${length}).`);
  }
  return text;
}

const MENTION = /(?<![\w.-])@([A-Za-z0-9_.-]{3,32})/g;
/** More would turn one message into a broadcast. */
const MENTIONS_MAX = 10;

export function mentionedNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    // A trailing dot is punctuation ("thanks @ann."), not part of the name.
    names.add(match[1]!.replace(/\.+$/, '').toLowerCase());
    if (names.size >= MENTIONS_MAX) break;
  }
  return [...names].filter((n) => n.length >= 3);
}

export function createChatService(repo: ChatRepository, users: UsersRepository, now = Date.now): ChatService {
  async function visibleRoom(user: User, roomId: number) {
    const row = await repo.findRoom(roomId);
    if (!row || (row.kind === 'direct' && !(await repo.isMember(user.id, roomId)))) {
      throw new ApiError('not_found', `There is no room ${roomId}.`);
    }
    return { row, room: toRoom(row, await repo.peerOf(row, user.id)) };
  }

  async function memberRoom(user: User, roomId: number) {
    const { room } = await visibleRoom(user, roomId);
    if (!(await repo.isMember(user.id, roomId))) throw new ApiError('forbidden', `Join room ${roomId} first.`);
    return room;
  }

  async function ownMessage(user: User, messageId: number, adminMay: boolean): Promise<Message> {
    const message = await repo.findMessage(messageId);
    if (!message || message.deleted_at !== null) throw new ApiError('not_found', `There is no message ${messageId}.`);
    await visibleRoom(user, message.room_id);
    if (message.author.id !== user.id && !(adminMay && user.role === 'admin')) {
      throw new ApiError('forbidden', 'Only the author can change this message.');
    }
    return message;
  }

  return {
    visibleRoom,
    memberRoom,
    async enter(user, roomId) {
      const { room } = await visibleRoom(user, roomId);
      const membership = await repo.ensureMembership(user.id, roomId, now());
      return { room, lastReadSeq: membership.last_read_seq };
    },
    async send(user, { roomId, clientId, text }) {
      const author = { id: user.id, username: user.username };
      return repo.insertMessage({ roomId, author, clientId, text: messageText(text), at: now() });
    },
    async edit(user, messageId, text) {
      const clean = messageText(text);
      await ownMessage(user, messageId, false);
      return (await repo.editMessage(messageId, clean, now()))!;
    },
    async remove(user, messageId) {
      await ownMessage(user, messageId, true);
      return (await repo.deleteMessage(messageId, now()))!;
    },
    async createRoom(user, name) {
      try {
        return toRoom(await repo.createPublicRoom(name, user.id, now()), null);
      } catch (error) {
        if (error instanceof RoomNameTakenError) throw new ApiError('conflict', `There is already a room named ${name}.`);
        throw error;
      }
    },
    async openDirect(user, username) {
      const other = await users.findByUsername(username);
      if (!other) throw new ApiError('not_found', `There is no user ${username.toLowerCase()}.`);
      if (other.id === user.id) throw new ApiError('bad_request', 'A direct room needs another user.');
      const { room, created } = await repo.openDirect(user.id, other.id, now());
      return { room: toRoom(room, { id: other.id, username: other.username }), created };
    },
    async mentioned(author, room, text) {
      const names = mentionedNames(text).filter((n) => n !== author.username.toLowerCase());
      const found = await repo.usersByName(names);
      if (room.kind === 'public') return found;
      const allowed: ChatUser[] = [];
      for (const u of found) if (await repo.isMember(u.id, room.id)) allowed.push(u);
      return allowed;
    },
  };
}
