// The transport lab: the one order change feed served over every transport, side by side. Short and long polls
// use GET /api/orders/changes (contract/orders.ts); this file has the event stream (GET /api/orders/stream), the
// /live Socket.IO namespace, the server clock, the lab's statistics and its faults. Every transport carries the
// same OrderChange, numbered by the feed's gapless `seq`: the ground truth for loss, duplicates and order.
import { Type, type Static } from 'typebox';
import type { ErrorCode } from './errors.js';
import type { OrderChange } from './orders.js';

const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
/** A seq as text (headers and query strings): a non-negative integer. */
const SeqString = (description: string) => Type.String({ pattern: '^(0|[1-9][0-9]{0,14})$', maxLength: 15, description });

// ---- Server-Sent Events: GET /api/orders/stream ------------------------------------------------------------

/** The reconnection delay the stream asks for when it opens. */
export const ORDER_STREAM_RETRY_MS = 1000;

/** SSE event names (`event:` lines). */
export const ORDER_STREAM_EVENTS = {
  change: 'change',
  session: 'session',
} as const;

/** The payload (`data:`, JSON) of each event. */
export interface OrderStreamEvents {
  /** Carries `id: <seq>`. */
  change: OrderChange;
  session: { ended: true };
}

export const ORDER_STREAM_DESCRIPTION =
  'The order change feed as Server-Sent Events. The stream opens with `retry:` and a bare `id:` line (the resume ' +
  'point; no event is dispatched), then sends one `change` event per change, in `seq` order, each with `id: <seq>` ' +
  'and the change (as in `GET /api/orders/changes`) as its data. With `Last-Event-ID` (or `last_event_id`, or ' +
  '`after`, on the first connection) every change after that seq is replayed before live ones follow, without gap or ' +
  'duplicate; without any, the stream starts at the current head. A seq above the head (a replaced database) counts ' +
  'as the head. A comment (`: hb`) is sent after 15 s of silence. A client that does not keep up is disconnected and ' +
  'resumes with `Last-Event-ID`. Signing out sends `session` and ends the stream (the reconnect gets 401). On server ' +
  'shutdown streams end after a short `retry:`.';

export const OrderStreamQuery = Type.Object(
  {
    last_event_id: Type.Optional(SeqString('Resume after this seq on the first connection (`Last-Event-ID` wins)')),
    after: Type.Optional(SeqString('The same as `last_event_id`, named as in the change feed')),
  },
  { additionalProperties: false },
);
export type OrderStreamQuery = Static<typeof OrderStreamQuery>;

export const OrderStreamHeaders = Type.Object({
  'last-event-id': Type.Optional(SeqString('Sent by EventSource on reconnect: replay after this seq')),
});

// ---- Socket.IO: the /live namespace ------------------------------------------------------------------------

export const LIVE_NAMESPACE = '/live';

export const ChangesSubscribePayload = Type.Object(
  { after: Seq },
  {
    additionalProperties: false,
    description: 'Send `change` events after this seq (the greatest seq the client has), then live ones',
  },
);
export type ChangesSubscribePayload = Static<typeof ChangesSubscribePayload>;

export interface ChangesSubscribeResult {
  /** The feed's head when the subscription started; the replay runs up to it and beyond. */
  head: number;
}

/** `not_found`: an event this contract does not name (answered when the client asked for an ack). */
export type LiveErrorCode = Extract<ErrorCode, 'validation_failed' | 'not_found' | 'internal'>;
export type LiveAck<T> = { ok: true; data: T } | { ok: false; error: { code: LiveErrorCode; message: string } };

/**
 * After every (re)connect the client sends `changes:subscribe { after }` with the greatest seq it has; a socket
 * keeps one position, so subscribing again moves it. Unsubscribing is disconnecting.
 */
// Types, not interfaces: Socket.IO's event-map constraint needs the implicit index signature.
export type LiveClientToServerEvents = {
  'changes:subscribe': (payload: ChangesSubscribePayload, ack?: (response: LiveAck<ChangesSubscribeResult>) => void) => void;
};

export type LiveServerToClientEvents = {
  /** One per change, in seq order, none skipped or repeated after the subscribed `after`. */
  change: (change: OrderChange) => void;
  'session:ended': (payload: { reason: 'signed_out' | 'expired' }) => void;
};

// ---- GET /api/time -----------------------------------------------------------------------------------------

export const ServerTime = Type.Object(
  { now: Type.Integer({ description: 'The server clock, in milliseconds since the epoch, when the answer was built' }) },
  { description: 'For clock-offset estimation: offset ≈ now − (sent + received) / 2, best of a few round trips' },
);
export type ServerTime = Static<typeof ServerTime>;

// ---- GET /api/lab/stats ------------------------------------------------------------------------------------

/** Request and event rates are averaged over this many whole seconds before the current one. */
export const LAB_RATE_WINDOW_S = 5;

/** How events of the change feed reach clients, for counting them. */
export const DELIVERY_TRANSPORTS = ['poll', 'long_poll', 'sse', 'websocket'] as const;
export type DeliveryTransport = (typeof DELIVERY_TRANSPORTS)[number];

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Number({ minimum: 0, description: `Per second, averaged over the last ${LAB_RATE_WINDOW_S} whole seconds` });
const PerDelivery = (item: typeof Count | typeof Rate) =>
  Type.Object({ poll: item, long_poll: item, sse: item, websocket: item });

export const LabStats = Type.Object({
  at: Type.Integer({ description: 'Server time of the snapshot (ms since the epoch)' }),
  connections: Type.Object(
    { http: Count, sse: Count, websocket: Count, polling: Count, long_poll: Count },
    {
      description:
        'Open connections by transport: `http` TCP connections, `sse` event streams, `websocket` and `polling` ' +
        'Socket.IO connections by their current transport, `long_poll` change-feed requests being held',
    },
  ),
  feed_requests: Type.Object(
    {
      poll: Type.Object({ total: Count, per_s: Rate }),
      long_poll: Type.Object({ total: Count, per_s: Rate }),
    },
    { description: 'Answers of `GET /api/orders/changes` without `wait` (poll) and with it (long poll)' },
  ),
  events_delivered: Type.Object(
    { total: PerDelivery(Count), per_s: PerDelivery(Rate) },
    { description: 'Changes sent: items of feed answers, SSE `change` frames, /live `change` emits' },
  ),
  process: Type.Object({
    cpu_percent: Type.Number({ minimum: 0, description: 'CPU time over the last sampling interval, as a percent of one core' }),
    event_loop_delay_ms: Type.Object(
      { p50: Type.Number(), p99: Type.Number(), max: Type.Number() },
      { description: 'Event-loop delay over the last sampling interval' },
    ),
    sample_interval_ms: Type.Integer(),
  }),
  ticker: Type.Object({ rate: Type.Number({ description: 'Simulated writes per second' }) }),
  head_seq: Type.Integer({ description: 'The newest committed change seq' }),
});
export type LabStats = Static<typeof LabStats>;

// ---- Faults (admin only): POST /api/lab/faults/* -----------------------------------------------------------

export const STALL_MAX_MS = 5000;
export const BURST_MAX = 5000;
export const BURST_DEFAULT = 1000;

export const DropResult = Type.Object(
  {
    sse: Count,
    long_polls: Count,
    sockets: Count,
  },
  { description: 'How many connections were cut: event streams, held long polls and /live sockets' },
);
export type DropResult = Static<typeof DropResult>;

export const StallBody = Type.Object(
  { ms: Type.Integer({ minimum: 1, maximum: STALL_MAX_MS, description: `How long to hold the event loop, 1–${STALL_MAX_MS} ms` }) },
  { additionalProperties: false },
);
export type StallBody = Static<typeof StallBody>;

export const StallResult = Type.Object({
  stalledMs: Type.Integer({ description: 'The stall that starts once this answer has been written' }),
});
export type StallResult = Static<typeof StallResult>;

export const BurstBody = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: BURST_MAX, default: BURST_DEFAULT, description: `Orders to create at once, 1–${BURST_MAX}` }),
  },
  { additionalProperties: false },
);
export type BurstBody = Static<typeof BurstBody>;

export const BurstResult = Type.Object(
  {
    first_seq: Type.Integer({ minimum: 1 }),
    last_seq: Type.Integer({ minimum: 1 }),
  },
  { description: 'The changes written, with consecutive seqs (one transaction)' },
);
export type BurstResult = Static<typeof BurstResult>;
