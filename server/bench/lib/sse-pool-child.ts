// Thousands of open event streams and the broadcasts sent to them, in a process of their own: reading 5,000
// sockets must not delay the suite's timers, and the server is measured from /proc, never from here. Frames are
// not parsed field by field: each broadcast's title is a marker (`bench-<run>.<event>`), found with indexOf in
// complete frames only, and its arrival is timed against the trigger on this process's clock.
import { Agent, request } from 'node:http';
import { Histogram } from './histogram.js';
import { SOAK_OVERRUN, type DeliveryResult, type OpenResult, type PoolCommand, type PoolReply, type Trigger } from './sse-pool-protocol.js';

const MARK = '"title":"bench-';
const OPEN_CONCURRENCY = 64;
const OPEN_TIMEOUT_MS = 30_000;
/** A server that cannot keep up makes triggers wait instead of piling up without bound. */
const MAX_TRIGGERS_IN_FLIGHT = 128;

interface Stream {
  destroy(): void;
  ended: boolean;
  tail: string;
  seen: Uint8Array;
}

// Without keep-alive and with no socket cap, every stream is its own connection, opened at once.
const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });
const triggerAgent = new Agent({ keepAlive: true, maxSockets: MAX_TRIGGERS_IN_FLIGHT });
const streams: Stream[] = [];
const latency = new Histogram();
let run = 0;
let triggeredAt = new Float64Array(0);
let arrivals = new Uint32Array(0);
let delivered = 0;
let duplicates = 0;
let lost = 0;
let closing = false;
let onArrival: (() => void) | undefined;

function onFrames(stream: Stream, chunk: string): void {
  const text = stream.tail + chunk;
  const end = text.lastIndexOf('\n\n');
  if (end < 0) {
    stream.tail = text;
    return;
  }
  stream.tail = text.slice(end + 2);
  const now = performance.now();
  for (let at = text.indexOf(MARK); at !== -1 && at < end; at = text.indexOf(MARK, at + MARK.length)) {
    const dot = text.indexOf('.', at + MARK.length);
    if (Number(text.slice(at + MARK.length, dot)) !== run) continue;
    const event = Number(text.slice(dot + 1, text.indexOf('"', dot)));
    if (!(event >= 0 && event < arrivals.length)) continue;
    if (stream.seen[event]) {
      duplicates += 1;
      continue;
    }
    stream.seen[event] = 1;
    arrivals[event]! += 1;
    delivered += 1;
    latency.record(now - triggeredAt[event]!);
  }
  onArrival?.();
}

function openOne(url: string, cookie: string, readyMarker: string): Promise<boolean> {
  return new Promise((resolve) => {
    let ready = false;
    let preamble = '';
    const stream: Stream = { destroy: () => req.destroy(), ended: false, tail: '', seen: new Uint8Array(0) };
    const timer = setTimeout(() => req.destroy(), OPEN_TIMEOUT_MS);
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    const headers: Record<string, string> = { accept: 'text/event-stream', ...(cookie && { cookie }) };
    const req = request(url, { agent: streamAgent, headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return settle(false);
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!ready) {
          if (!(preamble += chunk).includes(readyMarker)) return;
          ready = true;
          chunk = preamble;
          streams.push(stream);
          settle(true);
        }
        onFrames(stream, chunk);
      });
      res.on('close', () => {
        if (!stream.ended && !closing && ready) lost += 1;
        stream.ended = true;
        settle(false);
      });
    });
    req.on('error', () => settle(false));
    req.end();
  });
}

async function open(url: string, cookies: string[], readyMarker: string): Promise<OpenResult> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < cookies.length) if (!(await openOne(url, cookies[next++]!, readyMarker))) failed += 1;
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
  return { open: streams.length, failed };
}

function close(keep: number): OpenResult {
  closing = true;
  for (const stream of streams.splice(keep)) {
    stream.ended = true;
    stream.destroy();
  }
  closing = false;
  return { open: streams.length, failed: 0 };
}

function post(trigger: Trigger, title: string): Promise<boolean> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ ...trigger.body, title });
    const headers = { ...trigger.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const req = request(trigger.url, { method: 'POST', agent: triggerAgent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode !== undefined && res.statusCode < 300));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

/** Starts a run of up to `events` broadcasts; `result` sums up the ones that were sent. */
function begin(events: number) {
  run += 1;
  triggeredAt = new Float64Array(events);
  arrivals = new Uint32Array(events);
  for (const stream of streams) stream.seen = new Uint8Array(events);
  latency.reset();
  delivered = 0;
  duplicates = 0;
  lost = 0;
  const targets = streams.filter((s) => !s.ended).length;
  const started = performance.now();
  let refused = 0;
  let triggerMs = 0;
  // A stream that ended can receive nothing more: waiting for it would only run into the timeout.
  const waitingFor = () => targets - lost;
  return {
    refuse: () => (refused += 1),
    triggersDone: () => (triggerMs = performance.now() - started),
    until: (complete: () => boolean, timeoutMs: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          onArrival = undefined;
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        onArrival = () => complete() && done();
        onArrival();
      }),
    waitingFor,
    result(sent = events): DeliveryResult {
      const { p50Ms, p99Ms, maxMs } = latency.summary();
      const totalMs = performance.now() - started;
      return { streams: targets, planned: events, events: sent, delivered, expected: targets * sent, duplicates, lost, refused, p50Ms, p99Ms, maxMs, triggerMs, totalMs };
    },
  };
}

async function rounds(trigger: Trigger, count: number, gapMs: number, timeoutMs: number): Promise<DeliveryResult> {
  const r = begin(count);
  for (let event = 0; event < count; event++) {
    triggeredAt[event] = performance.now();
    if (!(await post(trigger, `bench-${run}.${event}`))) r.refuse();
    await r.until(() => arrivals[event]! >= r.waitingFor(), timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  r.triggersDone();
  return r.result();
}

async function soak(trigger: Trigger, perSecond: number, seconds: number, drainTimeoutMs: number): Promise<DeliveryResult> {
  const planned = Math.round(perSecond * seconds);
  const r = begin(planned);
  const started = performance.now();
  const deadline = started + seconds * 1000 * SOAK_OVERRUN;
  let sent = 0;
  let inFlight = 0;
  while (sent < planned && performance.now() < deadline) {
    // Every event that is due goes out now, so a late timer never lowers the rate, it only bunches events.
    const due = Math.min(planned, Math.floor(((performance.now() - started) * perSecond) / 1000) + 1);
    for (; sent < due && inFlight < MAX_TRIGGERS_IN_FLIGHT; sent++) {
      triggeredAt[sent] = performance.now();
      inFlight += 1;
      void post(trigger, `bench-${run}.${sent}`).then((ok) => {
        inFlight -= 1;
        if (!ok) r.refuse();
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  r.triggersDone();
  const events = sent;
  await r.until(() => delivered >= r.waitingFor() * events, drainTimeoutMs);
  return r.result(events);
}

function handle(message: PoolCommand): Promise<unknown> | unknown {
  switch (message.cmd) {
    case 'open':
      return open(message.url, message.cookies, message.readyMarker);
    case 'close':
      return close(message.keep);
    case 'rounds':
      return rounds(message.trigger, message.count, message.gapMs, message.timeoutMs);
    case 'soak':
      return soak(message.trigger, message.perSecond, message.seconds, message.drainTimeoutMs);
  }
}

process.on('message', (message: PoolCommand & { id: number }) => {
  Promise.resolve()
    .then(() => handle(message))
    .then(
      (result) => process.send!({ id: message.id, ok: true, result } satisfies PoolReply),
      (error: unknown) => process.send!({ id: message.id, ok: false, error: String(error) } satisfies PoolReply),
    );
});
process.on('disconnect', () => process.exit(0));
