import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Heartbeats } from './heartbeats.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createSseStream, formatComment, formatEvent, openEventStream, type SseSink, type SseStream } from './sse.js';

/** A response that never sends: what it was given stays buffered until `drain()`. */
class FakeSink extends EventEmitter implements SseSink {
  chunks: string[] = [];
  status = 0;
  headers: Record<string, unknown> = {};
  writableLength = 0;
  writableNeedDrain = false;
  destroyed = false;
  writableEnded = false;
  constructor(private readonly highWaterMark = 64) {
    super();
  }
  writeHead(status: number, headers: Record<string, unknown>) {
    this.status = status;
    this.headers = headers;
  }
  removeHeader() {}
  flushHeaders() {}
  write(chunk: string) {
    this.chunks.push(chunk);
    this.writableLength += chunk.length;
    this.writableNeedDrain = this.writableLength >= this.highWaterMark;
    return !this.writableNeedDrain;
  }
  end() {
    this.writableEnded = true;
  }
  destroy() {
    this.destroyed = true;
  }
  drain() {
    this.writableLength = 0;
    this.writableNeedDrain = false;
    this.emit('drain');
  }
  get text() {
    return this.chunks.join('');
  }
}

const open = (sink: FakeSink, gone = new EventEmitter(), options = {}) =>
  createSseStream(sink, gone, { retryMs: 1500, heartbeats: new Heartbeats(60_000), ...options });

afterEach(() => {
  vi.useRealTimers();
});

describe('SSE frames', () => {
  it('puts each line of data on its own data: line and ends with a blank line', () => {
    expect(formatEvent({ event: 'note', id: 7, data: 'one\ntwo\r\nthree\rfour' })).toBe(
      'event: note\nid: 7\ndata: one\ndata: two\ndata: three\ndata: four\n\n',
    );
    expect(formatEvent({ data: '' })).toBe('data: \n\n');
    expect(formatComment('hb')).toBe(': hb\n\n');
  });

  it('refuses an event name or id that would break the frame', () => {
    expect(() => formatEvent({ event: 'a\nb', data: 'x' })).toThrow(/single line/);
    expect(() => formatEvent({ id: '1\n2', data: 'x' })).toThrow(/single line/);
    expect(() => formatEvent({ id: '1\0', data: 'x' })).toThrow(/NUL/);
  });
});

describe('SSE stream', () => {
  it('sends the event-stream headers and retry: before anything else', () => {
    const sink = new FakeSink(1e6);
    const stream = open(sink, undefined, { headers: { 'x-request-id': 'r1', 'content-type': 'text/plain' } });
    stream.send({ event: 'a', data: '{}' });
    expect(sink.status).toBe(200);
    expect(sink.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'close',
      'x-request-id': 'r1',
    });
    expect(sink.text).toBe('retry: 1500\n\nevent: a\ndata: {}\n\n');
  });

  it('sends a heartbeat comment after a silence, never more than the interval apart, and stops when closed', () => {
    vi.useFakeTimers();
    const heartbeats = new Heartbeats(1000);
    const sink = new FakeSink(1e6);
    const stream = open(sink, undefined, { heartbeats });
    const beats = () => sink.text.match(/: hb\n\n/g)?.length ?? 0;
    // Ticks every 500 ms: the one after a write only clears it, the next one beats.
    vi.advanceTimersByTime(900);
    stream.send({ data: 'x' });
    vi.advanceTimersByTime(500); // 1400: a tick at 1000 saw the write
    expect(beats()).toBe(0);
    vi.advanceTimersByTime(100); // 1500: silent since 1000
    expect(beats()).toBe(1);
    vi.advanceTimersByTime(3000); // beats at 2500, 3500, 4500
    expect(beats()).toBe(4);
    stream.close();
    expect(heartbeats.size).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(beats()).toBe(4);
  });

  it('closes a client that lets more than the bound pile up, instead of buffering for it', () => {
    const sink = new FakeSink(1e6);
    const stream = open(sink, undefined, { maxBufferedBytes: 200 });
    const reasons: string[] = [];
    stream.onClose((reason) => reasons.push(reason));
    let sent = 0;
    while (stream.send({ data: 'x'.repeat(50) })) sent += 1;
    expect(sent).toBeLessThan(5);
    expect(reasons).toEqual(['slow']);
    expect(sink.destroyed).toBe(true);
    expect(stream.send({ data: 'y' })).toBe(false);
  });

  it('drained() waits for the client to read, and gives up on one that does not', async () => {
    const sink = new FakeSink(10);
    const stream = open(sink, undefined, { drainTimeoutMs: 50 });
    stream.send({ data: 'a long enough frame' });
    let caughtUp: boolean | undefined;
    void stream.drained().then((ok) => (caughtUp = ok));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(caughtUp).toBeUndefined();
    sink.drain();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(caughtUp).toBe(true);

    const reasons: string[] = [];
    stream.onClose((reason) => reasons.push(reason));
    stream.send({ data: 'another long enough frame' });
    expect(await stream.drained()).toBe(false);
    expect(reasons).toEqual(['slow']);
    expect(sink.destroyed).toBe(true);
  });

  it('ends with a retry hint on close, and reports a client that went away', () => {
    const sink = new FakeSink(1e6);
    const stream = open(sink);
    const reasons: string[] = [];
    stream.onClose((reason) => reasons.push(reason));
    stream.close({ retryMs: 300 });
    expect(sink.text.endsWith('retry: 300\n\n')).toBe(true);
    expect(sink.writableEnded).toBe(true);
    expect(reasons).toEqual(['server']);

    const other = new FakeSink(1e6);
    const request = new EventEmitter();
    const gone = open(other, request);
    gone.onClose((reason) => reasons.push(reason));
    request.emit('close');
    expect(reasons).toEqual(['server', 'client']);
    expect(gone.closed).toBe(true);
    expect(request.listenerCount('close')).toBe(0);
    expect(other.listenerCount('close')).toBe(0);
  });

  it('sets the last event id with a bare id: line', () => {
    const sink = new FakeSink(1e6);
    open(sink).id(42);
    expect(sink.text).toBe('retry: 1500\n\nid: 42\n\n');
  });

  it('writes preformatted events in one write', () => {
    const sink = new FakeSink(1e6);
    const stream = open(sink);
    const frames = formatEvent({ event: 'a', id: 1, data: '1' }) + formatEvent({ event: 'b', data: '2' });
    expect(stream.sendFormatted(frames)).toBe(true);
    expect(sink.chunks.slice(1)).toEqual(['event: a\nid: 1\ndata: 1\n\nevent: b\ndata: 2\n\n']);
    stream.close();
    expect(stream.sendFormatted(frames)).toBe(false);
  });
});

/** A server whose one request becomes an event stream, and a raw client connection that has asked for it. */
async function streamOverConnection(options: Partial<Parameters<typeof createSseStream>[2]> = {}) {
  let opened!: (stream: ReturnType<typeof createSseStream>) => void;
  const stream = new Promise<ReturnType<typeof createSseStream>>((resolve) => (opened = resolve));
  const server = createServer((req, res) => opened(createSseStream(res, req, { retryMs: 1500, heartbeats: new Heartbeats(60_000), ...options })));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  socket.write('GET / HTTP/1.1\r\nHost: test\r\n\r\n');
  return {
    stream: await stream,
    socket,
    close: () => {
      socket.destroy();
      server.close();
    },
  };
}

describe('SSE over a real connection', () => {
  it('sends the body unchunked, each write as it was given, and ends the connection with the stream', async () => {
    const { stream, socket, close } = await streamOverConnection();
    try {
      let raw = '';
      socket.setEncoding('latin1').on('data', (chunk: string) => (raw += chunk));
      await vi.waitFor(() => expect(raw).toContain('retry: 1500'));
      stream.sendFormatted(formatEvent({ event: 'a', id: 1, data: '{}' }));
      stream.close({ retryMs: 250 });
      await once(socket, 'end');
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
      expect(head).not.toMatch(/transfer-encoding/i);
      expect(body).toBe('retry: 1500\n\nevent: a\nid: 1\ndata: {}\n\nretry: 250\n\n');
    } finally {
      close();
    }
  });

  it('waits for a client that stops reading, and closes it once more than the bound waits for it', async () => {
    const { stream, socket, close } = await streamOverConnection({ maxBufferedBytes: 4 * 1024 * 1024 });
    try {
      let closedAs: string | undefined;
      stream.onClose((reason) => (closedAs = reason));
      let received = 0;
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      await vi.waitFor(() => expect(received).toBeGreaterThan(0));
      socket.pause();
      const frame = formatEvent({ data: 'x'.repeat(64 * 1024) });
      // Past what the kernel takes, the writes wait in Node, and `drained()` answers only once the client reads.
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        expect(stream.sendFormatted(frame)).toBe(true);
        waiting = (await Promise.race([stream.drained(), sleep(20).then(() => 'waiting' as const)])) === 'waiting';
      }
      expect(waiting).toBe(true);
      expect(closedAs).toBeUndefined();
      const drained = stream.drained();
      socket.resume();
      expect(await drained).toBe(true);
      // A client that never reads again is closed once the bound is passed, not buffered for without end.
      socket.pause();
      for (let i = 0; i < 1000 && stream.sendFormatted(frame); i++);
      expect(closedAs).toBe('slow');
    } finally {
      close();
    }
  });
});

describe('an event stream opened from a Fastify route', () => {
  it('lets go of the request and the reply (and so of their logger) while the stream stays open', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const app = Fastify({ logger: { level: 'silent' } });
    const heartbeats = new Heartbeats(60_000);
    const held: { request?: WeakRef<FastifyRequest>; reply?: WeakRef<FastifyReply>; stream?: SseStream } = {};
    app.get('/stream', async (request, reply) => {
      held.request = new WeakRef(request);
      held.reply = new WeakRef(reply);
      held.stream = openEventStream(request, reply, { retryMs: 1500, heartbeats });
      return reply;
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const socket = connect((app.server.address() as AddressInfo).port, '127.0.0.1');
    try {
      let raw = '';
      socket.setEncoding('latin1').on('data', (chunk: string) => (raw += chunk));
      socket.write('GET /stream?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await vi.waitFor(() => expect(raw).toContain('retry: 1500'));
      // Weak references stay alive until the task that made them ends.
      await sleep(10);
      gc();
      expect(held.request!.deref()).toBeUndefined();
      expect(held.reply!.deref()).toBeUndefined();
      // …and the stream works as before.
      expect(held.stream!.sendFormatted(formatEvent({ event: 'a', data: '{}' }))).toBe(true);
      await vi.waitFor(() => expect(raw).toContain('event: a\ndata: {}\n\n'));
    } finally {
      socket.destroy();
      heartbeats.close();
      await app.close();
    }
  });
});
