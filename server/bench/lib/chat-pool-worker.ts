// A child process of the chat load pool: holds a share of the clients, so receiving 200,000 messages in ten
// seconds is spread over processes and the load generator is not what limits the server. Its first clients may
// also be senders. Reports deliveries as they come (for the drain) and every latency at the end.
import { connectClient, type LoadClient } from './chat-clients.js';
import {
  messageText,
  readMessageText,
  wallClockMs,
  type SendOutcome,
  type WorkerMessage,
  type WorkerReport,
  type WorkerRequest,
} from './chat-protocol.js';

const CONNECT_CONCURRENCY = 25;
const PROGRESS_EVERY_MS = 50;

const clients: LoadClient[] = [];
let messages = 0;
let tag = '';
let seen = new Uint8Array(0);
let latencies = new Float64Array(0);
let delivered = 0;
let duplicates = 0;
let unreadable = 0;
/** Deliveries last told to the parent. */
let reported = 0;

function post(message: WorkerMessage): void {
  process.send?.(message);
}

function received(client: number, text: string): void {
  const at = wallClockMs();
  const parsed = readMessageText(text);
  if (!parsed || parsed.tag !== tag || parsed.index < 0 || parsed.index >= messages) {
    unreadable += 1;
    return;
  }
  const slot = client * messages + parsed.index;
  if (seen[slot]) {
    duplicates += 1;
    return;
  }
  seen[slot] = 1;
  latencies[delivered] = at - parsed.sentAtMs;
  delivered += 1;
}

async function connect(request: Extract<WorkerRequest, { op: 'connect' }>): Promise<number> {
  messages = request.messages;
  seen = new Uint8Array(request.count * messages);
  latencies = new Float64Array(request.count * messages);
  let next = 0;
  // A bounded number of handshakes at a time, as a crowd reconnecting would, rather than all at once.
  const lane = async () => {
    while (next < request.count) {
      const local = next++;
      clients[local] = await connectClient(request.target, request.first + local, (text) => received(local, text));
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  return clients.length;
}

/** One send every `intervalMs` on an absolute schedule (a late tick does not delay the next), senders in turn. */
async function send(request: Extract<WorkerRequest, { op: 'send' }>): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, rejected: 0, rejections: [] };
  const acks: Promise<void>[] = [];
  const start = wallClockMs();
  for (let index = 0; index < request.messages; index++) {
    const wait = start + index * request.intervalMs - wallClockMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sender = clients[index % request.senders]!;
    acks.push(
      sender.send(messageText(request.tag, index, wallClockMs()), `${request.tag}-${index}`).then((refused) => {
        if (refused === null) return;
        outcome.rejected += 1;
        if (outcome.rejections.length < 5) outcome.rejections.push(`#${index}: ${refused}`);
      }),
    );
    outcome.sent += 1;
  }
  await Promise.all(acks);
  return outcome;
}

function reset(request: Extract<WorkerRequest, { op: 'reset' }>): void {
  tag = request.tag;
  seen.fill(0);
  delivered = 0;
  duplicates = 0;
  unreadable = 0;
  reported = 0;
}

function report(): WorkerReport {
  return { delivered, duplicates, unreadable, latenciesMs: latencies.slice(0, delivered) };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'connect':
      return connect(request);
    case 'reset':
      return reset(request);
    case 'send':
      return send(request);
    case 'report':
      return report();
    case 'close':
      for (const client of clients) client.close();
      setTimeout(() => process.exit(0), 100);
      return clients.length;
  }
}

process.on('message', (raw: { id: number; request: WorkerRequest }) => {
  handle(raw.request).then(
    (result) => post({ type: 'reply', id: raw.id, ok: true, result }),
    (error: unknown) => post({ type: 'reply', id: raw.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

setInterval(() => {
  if (delivered === reported) return;
  reported = delivered;
  post({ type: 'progress', delivered });
}, PROGRESS_EVERY_MS).unref();

// Bounded however the parent fares: gone with it, and gone after a while in any case.
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(2), 10 * 60_000).unref();
