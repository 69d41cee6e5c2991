// The messages between a suite and its SSE client pool (a child process, see sse-pool-child.ts).

/** A soak stops triggering at this multiple of its planned length, however many events went out. */
export const SOAK_OVERRUN = 3;

/** How the pool triggers one broadcast: a POST whose JSON body gets `title` set to the event's marker. */
export interface Trigger {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export type PoolCommand =
  | { cmd: 'open'; url: string; cookies: string[]; readyMarker: string }
  | { cmd: 'close'; keep: number }
  | { cmd: 'rounds'; trigger: Trigger; count: number; gapMs: number; timeoutMs: number }
  | { cmd: 'soak'; trigger: Trigger; perSecond: number; seconds: number; drainTimeoutMs: number };

export interface OpenResult {
  open: number;
  failed: number;
}

export interface DeliveryResult {
  streams: number;
  /** Broadcasts meant to be sent; a soak against a server that cannot keep up sends fewer (`events`). */
  planned: number;
  events: number;
  /** Distinct (stream, event) pairs that arrived. */
  delivered: number;
  expected: number;
  duplicates: number;
  /** Streams that ended during the run (the server closed them or they failed). */
  lost: number;
  /** Triggers the server did not accept with 2xx. */
  refused: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the first trigger to the last trigger sent (rounds: to the last response). */
  triggerMs: number;
  /** From the first trigger to the last arrival (or the timeout). */
  totalMs: number;
}

export type PoolReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
