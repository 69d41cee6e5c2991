// Notifications: request and response shapes of /api/notifications*, and the events of its Server-Sent Events
// stream. Ids are global, integer and increasing; a stream's `Last-Event-ID` is the newest notification id the
// client has. Times are integer milliseconds since the epoch.
import { Type, type Static } from 'typebox';

export const NOTIFICATION_LEVELS = ['info', 'success', 'warning', 'error'] as const;
export const NotificationLevel = Type.Enum(NOTIFICATION_LEVELS);
export type NotificationLevel = Static<typeof NotificationLevel>;

/** What caused a notification; features that notify add their kind here. */
export const NOTIFICATION_KINDS = ['broadcast', 'order_large', 'order_cancelled', 'order_refunded', 'chat_mention'] as const;
export const NotificationKind = Type.Enum(NOTIFICATION_KINDS);
export type NotificationKind = Static<typeof NotificationKind>;

export const TITLE_MAX_LENGTH = 120;
export const BODY_MAX_LENGTH = 2000;
export const LINK_MAX_LENGTH = 500;
/**
 * An in-app route: one leading `/` not followed by another `/` or `\` (browsers read `//host` and `/\host` as
 * another site), no whitespace or backslashes.
 */
export const LINK_PATTERN = '^/(?![/\\\\])[^\\s\\\\]*$';
export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;
/** Above this many open streams the user's oldest stream is closed (see `StreamQuery`). */
export const STREAMS_PER_USER_MAX = 10;
/** The reconnection delay a stream asks for when it opens. */
export const STREAM_RETRY_MS = 2000;
/** The delay asked of a stream closed to make room for a newer one of the same user. */
export const STREAM_EVICTED_RETRY_MS = 30_000;
export const ORDER_LARGE_THRESHOLD_DEFAULT_CENTS = 100_000;

const Millis = Type.Integer({ minimum: 0, description: 'Milliseconds since the epoch (server clock)' });
/** A notification id as text (headers and query strings): a non-negative integer. */
const IdString = (description: string) => Type.String({ pattern: '^(0|[1-9][0-9]{0,14})$', maxLength: 15, description });

export const Notification = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'Global and increasing: a newer notification has a greater id' }),
  kind: NotificationKind,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()], { description: 'An in-app route starting with `/`, or null' }),
  level: NotificationLevel,
  created_at: Millis,
  read_at: Type.Union([Millis, Type.Null()], { description: 'When it was first marked read; null while unread' }),
});
export type Notification = Static<typeof Notification>;

export const NotificationId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const ListNotificationsQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: LIST_LIMIT_MAX, default: LIST_LIMIT_DEFAULT }),
    cursor: Type.Optional(
      Type.String({
        pattern: '^[1-9][0-9]{0,14}$',
        maxLength: 15,
        description: '`next_cursor` of the previous page, passed back unchanged (opaque). Omit for the newest page.',
      }),
    ),
    unread: Type.Optional(Type.Boolean({ description: '`true`: only unread notifications' })),
  },
  { additionalProperties: false },
);
export type ListNotificationsQuery = Static<typeof ListNotificationsQuery>;

export const NotificationList = Type.Object(
  {
    data: Type.Array(Notification, { description: 'Newest first' }),
    meta: Type.Object({
      limit: Type.Integer(),
      has_more: Type.Boolean({ description: 'Older notifications follow: ask again with `cursor = next_cursor`' }),
      next_cursor: Type.Union([Type.String(), Type.Null()]),
    }),
  },
  {
    description:
      'Keyset pages by id, newest first: a walk returns every notification that exists for the whole walk exactly once, ' +
      'however many arrive meanwhile (new ones arrive on the stream, ahead of the first page).',
  },
);
export type NotificationList = Static<typeof NotificationList>;

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

export const ReadAllResult = Type.Object({
  count: Type.Integer({ minimum: 0, description: 'How many notifications were unread and are now read' }),
});
export type ReadAllResult = Static<typeof ReadAllResult>;

export const SendNotification = Type.Object(
  {
    to: Type.String({ minLength: 1, maxLength: 64, description: 'A username, or `all` for every user that exists now' }),
    title: Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH, pattern: '\\S', description: '1–120 characters, not blank' }),
    body: Type.String({ maxLength: BODY_MAX_LENGTH, default: '', description: '0–2000 characters of plain text' }),
    level: Type.Enum(NOTIFICATION_LEVELS, { default: 'info' }),
    link: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: LINK_MAX_LENGTH,
        pattern: LINK_PATTERN,
        description: 'An in-app route such as `/data?status=refunded`',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SendNotification = Static<typeof SendNotification>;

export const SendResult = Type.Object({ recipients: Type.Integer({ minimum: 0 }) });
export type SendResult = Static<typeof SendResult>;

export const NotificationSettings = Type.Object(
  {
    order_large: Type.Boolean({ description: 'Notify when an order reaches `order_large_threshold_cents` (created at or edited up to it)' }),
    order_large_threshold_cents: Type.Integer({
      minimum: 1,
      maximum: 100_000_000,
      description: `Integer cents; ${ORDER_LARGE_THRESHOLD_DEFAULT_CENTS} (1,000.00) unless changed`,
    }),
    order_cancelled: Type.Boolean({ description: 'Notify when an order is cancelled' }),
    order_refunded: Type.Boolean({ description: 'Notify when an order is refunded' }),
    toasts: Type.Boolean({ description: 'Show arriving notifications as toasts (the client reads this)' }),
  },
  {
    additionalProperties: false,
    description:
      'Order events are opt-in (all off until chosen). At most one notification per kind reaches a user per digest ' +
      'interval (10 s by default): more events in that interval arrive as one digest ("12 orders were refunded").',
  },
);
export type NotificationSettings = Static<typeof NotificationSettings>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  order_large: false,
  order_large_threshold_cents: ORDER_LARGE_THRESHOLD_DEFAULT_CENTS,
  order_cancelled: false,
  order_refunded: false,
  toasts: true,
};

// ---- The event stream: GET /api/notifications/stream -------------------------------------------------------

/** How the stream behaves; the route's OpenAPI description. */
export const STREAM_DESCRIPTION =
  'Server-Sent Events for the signed-in user. The stream opens with `retry:` and a bare `id:` line (the resume point; ' +
  'no event is dispatched), then an `unread` event. With `Last-Event-ID` (or `last_event_id`), every notification after ' +
  'that id is replayed in order before live ones follow, without gap or duplicate; without it the stream starts at the ' +
  'newest notification (load the list over REST). Only `notification` events carry an `id:`, so `Last-Event-ID` is ' +
  'always the newest notification received. `read` and `deleted` are live only: after a reconnect, refetch what you ' +
  'show. A comment (`: hb`) is sent after 15 s of silence. ' +
  `At most ${STREAMS_PER_USER_MAX} streams per user: a newer stream closes the user's oldest, which is told ` +
  `\`retry: ${STREAM_EVICTED_RETRY_MS}\` first. The oldest is the likeliest to be dead (a sleeping laptop, a dropped ` +
  'NAT mapping) and a refusal would make EventSource give up for good in the tab just opened. A client that does not ' +
  'keep up is disconnected and resumes with `Last-Event-ID`. Signing out sends `session` and ends the stream (the ' +
  'reconnect gets 401, which stops EventSource). On server shutdown streams end after a short `retry:`.';

export const StreamQuery = Type.Object(
  {
    last_event_id: Type.Optional(
      IdString('Resume after this id on the first connection (EventSource sends `Last-Event-ID` on reconnects, which wins)'),
    ),
  },
  { additionalProperties: false },
);
export type StreamQuery = Static<typeof StreamQuery>;

export const StreamHeaders = Type.Object({
  'last-event-id': Type.Optional(IdString('Sent by EventSource on reconnect: replay after this id')),
});

/** SSE event names (`event:` lines). */
export const NOTIFICATION_EVENTS = {
  notification: 'notification',
  read: 'read',
  deleted: 'deleted',
  unread: 'unread',
  session: 'session',
} as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[keyof typeof NOTIFICATION_EVENTS];

export const ReadEvent = Type.Union(
  [
    Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 })) }),
    Type.Object({ all: Type.Literal(true), up_to: Type.Integer({ minimum: 0, description: 'Every notification with id ≤ up_to is read' }) }),
  ],
  { description: 'Notifications were marked read (in this or another tab or device)' },
);
export type ReadEvent = Static<typeof ReadEvent>;

export const DeletedEvent = Type.Object(
  { ids: Type.Array(Type.Integer({ minimum: 1 })) },
  { description: 'Notifications were deleted' },
);
export type DeletedEvent = Static<typeof DeletedEvent>;

export const UnreadEvent = Type.Object({ count: Type.Integer({ minimum: 0 }) }, { description: 'Sent on connect and after every change' });
export type UnreadEvent = Static<typeof UnreadEvent>;

export const SessionEvent = Type.Object({ ended: Type.Literal(true) }, { description: 'The session was signed out; the stream ends' });
export type SessionEvent = Static<typeof SessionEvent>;

/** The payload (`data:`, JSON) of each event. */
export interface NotificationStreamEvents {
  notification: Notification;
  read: ReadEvent;
  deleted: DeletedEvent;
  unread: UnreadEvent;
  session: SessionEvent;
}
