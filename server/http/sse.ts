// A Server-Sent Events writer over a raw HTTP response (WHATWG HTML, "Server-sent events"). The reply is
// hijacked, so compression and every other onSend hook are bypassed: a compressed or buffered stream is not
// live. Headers go out at once, `retry:` first; a comment keeps proxies from timing out an idle stream; a
// client that stops reading is disconnected instead of being buffered for without bound (it resumes with
// Last-Event-ID).
//
// The body is delimited by the connection's close (RFC 9112, 6.3), not chunked: a stream has no end to
// announce, and chunked framing made every event four socket writes (size, CRLF, data, CRLF) instead of one.
// Once the head is on the socket, events are written to the socket itself: a close-delimited body is exactly
// its bytes, and the response's own write path (a cork and a tick per write) was most of what a broadcast cost
// per stream beyond the system call. See docs/decisions/012-close-delimited-event-streams.md.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Beating, Heartbeat, Heartbeats } from './heartbeats.js';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform: proxies must not compress or rewrite the stream.
  'cache-control': 'no-cache, no-transform',
  // nginx buffers proxied responses unless told otherwise.
  'x-accel-buffering': 'no',
  // The body runs until the connection closes, so the connection is not reused after it.
  connection: 'close',
} as const;

/** Where events are written: the response's socket once the head is on it, else the response. */
export interface SseOutput {
  write(chunk: string): boolean;
  readonly writableLength: number;
  readonly writableNeedDrain: boolean;
  readonly destroyed: boolean;
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

/** What the stream needs of the response: `ServerResponse` has it, and tests can fake it. */
export interface SseSink extends SseOutput {
  /** Removing `transfer-encoding` before the head is written is how Node is told not to chunk the body. */
  removeHeader(name: string): void;
  writeHead(status: number, headers: OutgoingHttpHeaders): unknown;
  flushHeaders(): void;
  end(): unknown;
  destroy(): unknown;
  readonly writableEnded: boolean;
  /** Null until the response has a connection (a pipelined request waits for the responses before it). */
  readonly socket?: SseOutput | null;
  on(event: 'close' | 'drain' | 'error', listener: () => void): unknown;
  off(event: 'close' | 'drain' | 'error', listener: () => void): unknown;
}

/**
 * The socket, when the head has reached it and nothing of the response waits in Node's own queue (the response's
 * `writableLength` counts its queue and the socket's); else the response, which keeps the order itself.
 */
function outputOf(sink: SseSink): SseOutput {
  const socket = sink.socket;
  return socket && !socket.destroyed && sink.writableLength === socket.writableLength ? socket : sink;
}

/** Emits `close` when the client goes away (the request of the response). */
export interface SseCloseSignal {
  on(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

export interface SseOptions {
  /** Sent first: how long the client waits before reconnecting. */
  retryMs: number;
  /** Sends a comment to the stream when it has been silent (see heartbeats.ts); one per route, shared by its streams. */
  heartbeats: Heartbeats;
  /** More than this many bytes waiting for the client closes the stream. */
  maxBufferedBytes?: number;
  /** How long `drained()` waits for the client to catch up before closing the stream. */
  drainTimeoutMs?: number;
  /** Extra response headers (security headers, the request id); the SSE headers win. */
  headers?: OutgoingHttpHeaders;
}

/** `client`: the client went away; `server`: `close()` was called; `slow`: it did not keep up; `error`: a write failed. */
export type SseCloseReason = 'client' | 'server' | 'slow' | 'error';

export interface SseEvent {
  event?: string;
  data: string;
  /** Sets the client's Last-Event-ID. */
  id?: string | number;
}

export interface SseStream {
  readonly closed: boolean;
  /** False when the stream is closed (or was just closed because the client is too far behind). */
  send(event: SseEvent): boolean;
  /**
   * Events already formatted with `formatEvent`, concatenated: one write for a burst, and a frame formatted once
   * can go to every stream that needs it. False when the stream is closed (or was just closed as too slow).
   */
  sendFormatted(frames: string): boolean;
  /** A bare `id:` line: moves the client's Last-Event-ID without dispatching an event. */
  id(id: string | number): boolean;
  retry(ms: number): boolean;
  comment(text: string): boolean;
  /** Resolves true once the client has read what was written, false if it was closed first (or as too slow). */
  drained(): Promise<boolean>;
  /** Ends the stream, optionally telling the client when to reconnect. */
  close(options?: { retryMs?: number }): void;
  onClose(listener: (reason: SseCloseReason) => void): void;
}

const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;
const DEFAULT_DRAIN_TIMEOUT_MS = 30_000;
const HEARTBEAT = ': hb\n\n';

function singleLine(field: string, value: string): string {
  // A line break would end the field early; NUL makes browsers ignore an id.
  if (/[\r\n\0]/.test(value)) throw new Error(`An SSE ${field} must be a single line without NUL`);
  return value;
}

/** One event as it goes on the wire: a multi-line `data` becomes several `data:` lines. */
export function formatEvent({ event, data, id }: SseEvent): string {
  let frame = '';
  if (event !== undefined) frame += `event: ${singleLine('event name', event)}\n`;
  if (id !== undefined) frame += `id: ${singleLine('id', String(id))}\n`;
  for (const line of data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

export function formatComment(text: string): string {
  return `${text
    .split(/\r\n|\r|\n/)
    .map((line) => `: ${line}`)
    .join('\n')}\n\n`;
}

/**
 * One open stream. A class, so its methods live once on the prototype: a server holds thousands of these, and
 * a closure per method per stream was most of what an idle stream cost beyond its socket.
 */
class EventStream implements SseStream, Beating {
  /**
   * Made with its first listener, as `[listener]`: an empty array's first push reserves room for 17, about 150
   * bytes that thousands of open streams, most with one listener, kept for nothing.
   */
  private listeners: ((reason: SseCloseReason) => void)[] | undefined;
  private readonly heartbeat: Heartbeat;
  private readonly maxBuffered: number;
  private readonly drainTimeoutMs: number;
  private isClosed = false;
  private readonly out: SseOutput;
  private readonly onClientGone = () => this.finish('client');
  private readonly onError = () => {
    this.finish('error');
    this.sink.destroy();
  };

  constructor(
    private readonly sink: SseSink,
    private readonly clientGone: SseCloseSignal,
    options: SseOptions,
  ) {
    this.maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    this.drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
    this.heartbeat = options.heartbeats.add(this);
    clientGone.on('close', this.onClientGone);
    sink.on('close', this.onClientGone);
    sink.on('error', this.onError);
    sink.removeHeader('transfer-encoding');
    sink.writeHead(200, { ...options.headers, ...SSE_HEADERS });
    sink.flushHeaders();
    this.out = outputOf(sink);
    this.write(`retry: ${Math.round(options.retryMs)}\n\n`);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private finish(reason: SseCloseReason): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.heartbeat.stop();
    this.clientGone.off('close', this.onClientGone);
    this.sink.off('close', this.onClientGone);
    // `onError` stays: an error the response emits after this point must still find a listener (it is idempotent).
    const listeners = this.listeners ?? [];
    this.listeners = undefined;
    for (const listener of listeners) listener(reason);
  }

  private write(chunk: string): boolean {
    const { sink, out } = this;
    if (this.isClosed || sink.destroyed || sink.writableEnded || out.destroyed) return false;
    try {
      out.write(chunk);
    } catch {
      this.onError();
      return false;
    }
    if (out.writableLength > this.maxBuffered) {
      // Nothing more can reach a client this far behind; it reconnects and resumes from its Last-Event-ID.
      this.finish('slow');
      sink.destroy();
      return false;
    }
    this.heartbeat.active = true;
    return true;
  }

  /** For the heartbeats: a comment after a silence. */
  beat(): void {
    this.write(HEARTBEAT);
  }

  send(event: SseEvent): boolean {
    return this.write(formatEvent(event));
  }
  sendFormatted(frames: string): boolean {
    return this.write(frames);
  }
  id(id: string | number): boolean {
    return this.write(`id: ${singleLine('id', String(id))}\n\n`);
  }
  retry(ms: number): boolean {
    return this.write(`retry: ${Math.round(ms)}\n\n`);
  }
  comment(text: string): boolean {
    return this.write(formatComment(text));
  }

  drained(): Promise<boolean> {
    if (this.isClosed) return Promise.resolve(false);
    if (!this.out.writableNeedDrain) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.out.off('drain', onDrain);
        const at = this.listeners?.indexOf(onClosed) ?? -1;
        if (at >= 0) this.listeners!.splice(at, 1);
        resolve(ok);
      };
      const onDrain = () => done(true);
      const onClosed = () => done(false);
      const timer = setTimeout(() => {
        this.finish('slow');
        this.sink.destroy();
      }, this.drainTimeoutMs);
      this.out.on('drain', onDrain);
      this.addListener(onClosed);
    });
  }

  close(closeOptions: { retryMs?: number } = {}): void {
    if (this.isClosed) return;
    if (closeOptions.retryMs !== undefined) this.write(`retry: ${Math.round(closeOptions.retryMs)}\n\n`);
    this.finish('server');
    if (!this.sink.destroyed && !this.sink.writableEnded) this.sink.end();
  }

  private addListener(listener: (reason: SseCloseReason) => void): void {
    if (this.listeners) this.listeners.push(listener);
    else this.listeners = [listener];
  }

  onClose(listener: (reason: SseCloseReason) => void): void {
    if (this.isClosed) listener('server');
    else this.addListener(listener);
  }
}

/** Writes the headers and `retry:` at once and returns the stream. */
export function createSseStream(sink: SseSink, clientGone: SseCloseSignal, options: SseOptions): SseStream {
  return new EventStream(sink, clientGone, options);
}

/**
 * Takes the response over from Fastify and opens the stream. Call it only after every check that may answer with
 * a problem: from here on the response is a 200 event stream. Headers set on the reply so far (CORS, the
 * request id) are kept; the security headers helmet set on the raw response are kept by Node.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, options: SseOptions): SseStream {
  reply.hijack();
  letGoOfFastify(reply.raw);
  const headers: OutgoingHttpHeaders = { ...(reply.getHeaders() as OutgoingHttpHeaders), 'x-request-id': request.id, ...options.headers };
  return createSseStream(reply.raw, request.raw, { ...options, headers });
}

/**
 * The name of Fastify's own response listener (fastify/lib/reply.js, `setupResponseListeners`): on `finish` or
 * `error` it times the reply for the onResponse hooks and the "request completed" log line, and until then its
 * closure holds the request, the reply, the parsed query and the child logger.
 */
const FASTIFY_RESPONSE_LISTENER = 'onResFinished';

/**
 * A stream is open for hours and has no duration worth logging: the listener would run only if the server ended
 * it, never when the client leaves. What it holds was 1.2 KiB of live heap per open stream, a sixth of all a
 * stream costs, so it is removed once the reply is hijacked (the test in sse.test.ts fails if Fastify renames it).
 */
function letGoOfFastify(res: ServerResponse): void {
  for (const event of ['finish', 'error'] as const) {
    for (const listener of res.listeners(event)) {
      if (listener.name === FASTIFY_RESPONSE_LISTENER) res.off(event, listener as (...args: unknown[]) => void);
    }
  }
}
