// Chat: the /chat Socket.IO namespace (events, payloads, acks) and the REST shapes of /api/rooms*. Every payload
// a client sends is checked against these schemas at runtime; the TypeScript types only describe them.
// A message's `seq` is assigned by the server, per room, increasing by one with every stored message: it is the
// ground truth for order, loss and duplicates. A room also counts its changes: every new message, edit and delete
// takes the room's next `version`, which the changed message keeps. After any reconnect (the socket has left every
// room), the client re-joins each open room with `since` = the version it is in step with and receives every
// message changed after it (new, edited or deleted), each once, as it is now.
import { Type, type Static } from 'typebox';
import type { ErrorCode } from './errors.js';

export const CHAT_NAMESPACE = '/chat';
export const ROOM_NAME_PATTERN = '^[a-z0-9][a-z0-9-]{1,31}$';
export const GENERAL_ROOM_NAME = 'general';
export const MESSAGE_MAX_LENGTH = 4000;
/** The client id is the idempotency key of a send: a UUID suits, any string up to 64 characters will do. */
export const CLIENT_ID_MAX_LENGTH = 64;
/** `room:join` without `since` returns the newest page of this many messages. */
export const JOIN_PAGE_SIZE = 50;
/** `room:join` with `since` returns at most this many; `has_more` says to join again from the answer's version. */
export const REPLAY_MAX = 500;
export const HISTORY_LIMIT_DEFAULT = 50;
export const HISTORY_LIMIT_MAX = 100;
/** At most this many new messages per user in `SEND_WINDOW_MS` (resends of a stored client id are free). */
export const SEND_MAX_PER_WINDOW = 10;
export const SEND_WINDOW_MS = 5000;
/** Repeated `typing: true` from one user in one room closer than this are dropped. */
export const TYPING_THROTTLE_MS = 500;
/** A `typing` indicator the client has not seen renewed for this long has expired. */
export const TYPING_EXPIRY_MS = 4000;
/** A user whose last socket left a room stays online this long, so a reload does not flicker. */
export const PRESENCE_GRACE_MS = 5000;
/**
 * A room's `room:activity` goes out at most once in this long: the first new message at once, those that follow
 * within it together at its end. Room lists need not hear of every message of a busy room one by one.
 */
export const ROOM_ACTIVITY_INTERVAL_MS = 500;

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Millis = Type.Integer({ minimum: 0, description: 'Milliseconds since the epoch (server clock)' });

// ---- Wire shapes -------------------------------------------------------------------------------------------

export const ChatUser = Type.Object({ id: Type.Integer(), username: Type.String() });
export type ChatUser = Static<typeof ChatUser>;

export const ROOM_KINDS = ['public', 'direct'] as const;
export const RoomKind = Type.Enum(ROOM_KINDS);
export type RoomKind = Static<typeof RoomKind>;

export const Room = Type.Object({
  id: Type.Integer(),
  kind: RoomKind,
  name: Type.Union([Type.String(), Type.Null()], { description: 'A public room\'s name; null for a direct room' }),
  peer: Type.Union([ChatUser, Type.Null()], { description: 'The other member of a direct room; null for a public room' }),
  last_seq: Type.Integer({ minimum: 0, description: 'The seq of the newest message (0: none yet)' }),
  last_message_at: Type.Union([Millis, Type.Null()], { description: 'When the newest message was sent; null before the first' }),
  created_at: Millis,
});
export type Room = Static<typeof Room>;

export const RoomSummary = Type.Object({
  ...Room.properties,
  member: Type.Boolean({ description: 'Whether the user has joined (a public room can be read before)' }),
  last_read_seq: Type.Integer({ minimum: 0 }),
  unread: Type.Integer({ minimum: 0, description: 'Messages of others after the read marker (0 unless a member)' }),
});
export type RoomSummary = Static<typeof RoomSummary>;

export const Message = Type.Object({
  id: Type.Integer(),
  room_id: Type.Integer(),
  seq: Type.Integer({ minimum: 1 }),
  author: ChatUser,
  text: Type.String({ description: 'Empty once deleted' }),
  client_id: Type.String(),
  created_at: Millis,
  edited_at: Type.Union([Millis, Type.Null()]),
  deleted_at: Type.Union([Millis, Type.Null()], { description: 'A deleted message keeps its seq; its text is removed' }),
  version: Type.Integer({
    minimum: 1,
    description: 'The room version of its latest change (sent, edited or deleted): of two copies, the greater is newer',
  }),
});
export type Message = Static<typeof Message>;

export const OnlineList = Type.Array(ChatUser, { description: 'Each user once, however many tabs they have open' });

// ---- Acks --------------------------------------------------------------------------------------------------

/**
 * The codes an ack may carry: a subset of the one catalogue. A payload the schema refuses is `validation_failed`;
 * an event this contract does not name is `not_found` (when the client asked for an ack at all).
 */
export type ChatErrorCode = Extract<ErrorCode, 'validation_failed' | 'not_found' | 'forbidden' | 'conflict' | 'rate_limited' | 'internal'>;
export interface ChatError {
  code: ChatErrorCode;
  message: string;
}
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ChatError };
export type AckCallback<T> = (response: Ack<T>) => void;

// ---- Client → server payloads ------------------------------------------------------------------------------

export const RoomJoinPayload = Type.Object(
  {
    roomId: Id,
    /** The `version` of the client's last join of this room (advanced by the changes it has seen since). */
    since: Type.Optional(Seq),
  },
  { additionalProperties: false },
);
export type RoomJoinPayload = Static<typeof RoomJoinPayload>;

export interface RoomJoinResult {
  room: Room;
  /**
   * With `since`: every message changed after it (new, edited or deleted; it may be older than any the client
   * holds), each once as it is now, in version order, up to REPLAY_MAX. Without: the newest JOIN_PAGE_SIZE, in seq
   * order.
   */
  messages: Message[];
  /** With `since`: more follow, join again from `version`. Without: older messages exist (REST scrollback). */
  has_more: boolean;
  /**
   * The room version this answer brings the client to: it has every change up to it, and the socket receives
   * every later one live. The next join sends it as `since`.
   */
  version: number;
  online: ChatUser[];
  last_read_seq: number;
  unread: number;
}

export const RoomLeavePayload = Type.Object({ roomId: Id }, { additionalProperties: false });
export type RoomLeavePayload = Static<typeof RoomLeavePayload>;

export const MessageSendPayload = Type.Object(
  {
    roomId: Id,
    clientId: Type.String({ minLength: 1, maxLength: CLIENT_ID_MAX_LENGTH, pattern: '^[A-Za-z0-9_-]+$' }),
    // Bounded here so junk is refused before trimming; the 1–4000 characters rule applies to the trimmed text.
    text: Type.String({ maxLength: MESSAGE_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false },
);
export type MessageSendPayload = Static<typeof MessageSendPayload>;

export const MessageEditPayload = Type.Object(
  { messageId: Id, text: Type.String({ maxLength: MESSAGE_MAX_LENGTH * 4 }) },
  { additionalProperties: false },
);
export type MessageEditPayload = Static<typeof MessageEditPayload>;

export const MessageDeletePayload = Type.Object({ messageId: Id }, { additionalProperties: false });
export type MessageDeletePayload = Static<typeof MessageDeletePayload>;

export const RoomReadPayload = Type.Object({ roomId: Id, seq: Seq }, { additionalProperties: false });
export type RoomReadPayload = Static<typeof RoomReadPayload>;

export const TypingPayload = Type.Object({ roomId: Id, typing: Type.Boolean() }, { additionalProperties: false });
export type TypingPayload = Static<typeof TypingPayload>;

export interface ClientChatEventPayloads {
  'room:join': RoomJoinPayload;
  'room:leave': RoomLeavePayload;
  'message:send': MessageSendPayload;
  'message:edit': MessageEditPayload;
  'message:delete': MessageDeletePayload;
  'room:read': RoomReadPayload;
  typing: TypingPayload;
}

export interface ClientChatEventResults {
  'room:join': RoomJoinResult;
  'room:leave': { roomId: number };
  /** The stored message; a resend of a stored client id gets the same message back and broadcasts nothing. */
  'message:send': Message;
  'message:edit': Message;
  'message:delete': Message;
  /** The read marker after the call: never lower than before (a lower seq leaves it where it was). */
  'room:read': { roomId: number; last_read_seq: number };
  /** Typing is fire-and-forget; the ack, when asked for, only says it was accepted (or throttled). */
  typing: { sent: boolean };
}

export type ClientChatEvent = keyof ClientChatEventPayloads;

export const CLIENT_CHAT_SCHEMAS = {
  'room:join': RoomJoinPayload,
  'room:leave': RoomLeavePayload,
  'message:send': MessageSendPayload,
  'message:edit': MessageEditPayload,
  'message:delete': MessageDeletePayload,
  'room:read': RoomReadPayload,
  typing: TypingPayload,
} as const satisfies Record<ClientChatEvent, unknown>;

export type ChatClientToServerEvents = {
  [E in ClientChatEvent]: (payload: ClientChatEventPayloads[E], ack?: AckCallback<ClientChatEventResults[E]>) => void;
};

// ---- Server → client events --------------------------------------------------------------------------------

/** A typing indicator; the client drops it after TYPING_EXPIRY_MS without a renewal (volatile: may be lost). */
export interface TypingEvent {
  roomId: number;
  userId: number;
  username: string;
  typing: boolean;
}

export interface PresenceEvent {
  roomId: number;
  online: ChatUser[];
}

/**
 * Unread messages of rooms the user is a member of (room ids as keys); a room left out keeps its count. After
 * their read marker moves: every room. After a delete of a message they had not read: that room.
 */
export interface UnreadEvent {
  counts: Record<string, number>;
}

/** A new message as room lists count it: its seq and its author (their own messages are never unread). */
export interface RoomActivityMessage {
  seq: number;
  authorId: number;
}

/**
 * New messages, for the room list: to the sockets that have not joined the room (those get `message:new`), of
 * every user for a public room (the list shows when each was last active) and of the two members for a direct one.
 * At most one per room in `ROOM_ACTIVITY_INTERVAL_MS`, naming every message since the room's previous one.
 */
export interface RoomActivityEvent {
  roomId: number;
  /** The newest of these messages' seqs, now the room's last. */
  lastSeq: number;
  lastMessageAt: number;
  /** Oldest first. */
  messages: RoomActivityMessage[];
}

/**
 * A room appeared in someone's list: a new public room (to every socket) or a new direct room (to both members).
 * The list is read again by REST, where it is shaped for each user.
 */
export interface RoomCreatedEvent {
  roomId: number;
}

// A type, not an interface: Socket.IO's event-map constraint needs the implicit index signature.
export type ChatServerToClientEvents = {
  /**
   * A stored message, sent to every socket in the room, the sender's included: a client may get a message both
   * in its ack and here, and after a re-join also in the replay, so it dedupes by `id` (and its own by `client_id`)
   * and keeps the copy with the greater `version`. Each change of a room is broadcast once, by version, as one of
   * these three events.
   */
  'message:new': (message: Message) => void;
  'message:updated': (message: Message) => void;
  'message:deleted': (message: Message) => void;
  'room:activity': (event: RoomActivityEvent) => void;
  'room:created': (event: RoomCreatedEvent) => void;
  typing: (event: TypingEvent) => void;
  presence: (event: PresenceEvent) => void;
  /** To all of a user's sockets when their unread counts change other than by a new message. */
  'room:unread': (event: UnreadEvent) => void;
  'session:ended': (payload: { reason: 'signed_out' | 'expired' }) => void;
};

// ---- REST: /api/rooms* -------------------------------------------------------------------------------------

export const RoomList = Type.Object({
  data: Type.Array(RoomSummary, { description: 'Every public room, then the user\'s direct rooms' }),
});
export type RoomList = Static<typeof RoomList>;

export const CreateRoom = Type.Object(
  {
    name: Type.String({
      minLength: 2,
      maxLength: 32,
      pattern: ROOM_NAME_PATTERN,
      description: '2–32 characters of lower-case letters, digits and `-`, not starting with `-`; unique',
    }),
  },
  { additionalProperties: false },
);
export type CreateRoom = Static<typeof CreateRoom>;

export const OpenDirectRoom = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64, description: 'The other user' }) },
  { additionalProperties: false },
);
export type OpenDirectRoom = Static<typeof OpenDirectRoom>;

export const RoomId = Type.Object({ id: Id });

export const HistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Messages with a lower seq; omit for the newest' })),
    limit: Type.Integer({ minimum: 1, maximum: HISTORY_LIMIT_MAX, default: HISTORY_LIMIT_DEFAULT }),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;

export const MessagePage = Type.Object(
  {
    data: Type.Array(Message, { description: 'In seq order (oldest first), the page just before `before`' }),
    meta: Type.Object({
      limit: Type.Integer(),
      has_more: Type.Boolean({ description: 'Older messages exist: ask again with `before` = the first seq' }),
    }),
  },
  { description: 'Scrollback by seq: keyset pages, stable however many messages arrive meanwhile' },
);
export type MessagePage = Static<typeof MessagePage>;
