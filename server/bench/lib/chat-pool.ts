// The chat load generator: clients spread over worker processes (see chat-pool-worker.ts), the senders alone in
// the first one so their schedule is not held up by receiving. The pool talks to one server at a time.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChatTarget, SendOutcome, WorkerMessage, WorkerReport, WorkerRequest } from './chat-protocol.js';

export interface PoolOptions {
  clients: number;
  /** The first `senders` clients take turns sending; they receive too. */
  senders: number;
  /** Processes sharing the clients that only receive. */
  receiverWorkers: number;
  messages: number;
}

export interface RunOutcome extends SendOutcome {
  delivered: number;
  expected: number;
  /** From the first send until every delivery arrived, or until deliveries stopped coming. */
  elapsedMs: number;
  stalled: boolean;
}

export interface PoolReport {
  delivered: number;
  duplicates: number;
  unreadable: number;
  latenciesMs: Float64Array;
}

const STALL_MS = 3000;
/** However slowly deliveries keep trickling in, a run ends this long after its last send. */
const DRAIN_MAX_MS = 60_000;

class Worker {
  readonly child: ChildProcess;
  delivered = 0;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    this.child = fork(fileURLToPath(new URL('./chat-pool-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        this.delivered = message.delivered;
        return;
      }
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.result);
      else waiter?.reject(new Error(`load worker: ${message.error}`));
    });
    this.child.once('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load worker exited with ${code}`));
      this.pending.clear();
    });
  }

  call<T>(request: WorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, request });
    });
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.call({ op: 'close' }).catch(() => undefined);
      setTimeout(() => this.child.kill('SIGKILL'), 5000).unref();
    });
  }
}

export interface ChatPool {
  /** Worker process ids, to read the load generator's own CPU time. */
  pids: number[];
  /** One run on the connected clients; `tag` must differ from every earlier run's. */
  run(intervalMs: number, tag: string): Promise<RunOutcome>;
  /** The deliveries of the last run. */
  report(): Promise<PoolReport>;
  close(): Promise<void>;
}

/** Starts the workers and connects every client (in the room, for Switchboard) before it resolves. */
export async function openChatPool(target: ChatTarget, options: PoolOptions): Promise<ChatPool> {
  const shares = [options.senders];
  const receivers = options.clients - options.senders;
  for (let i = 0; i < options.receiverWorkers; i++) {
    shares.push(Math.floor(receivers / options.receiverWorkers) + (i < receivers % options.receiverWorkers ? 1 : 0));
  }
  const workers = shares.map(() => new Worker());
  const close = async () => void (await Promise.all(workers.map((w) => w.stop())));
  try {
    let first = 0;
    await Promise.all(
      shares.map((count, i) => {
        const request: WorkerRequest = { op: 'connect', target, first, count, messages: options.messages };
        first += count;
        return workers[i]!.call<number>(request);
      }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const delivered = () => workers.reduce((sum, w) => sum + w.delivered, 0);

  return {
    pids: workers.map((w) => w.child.pid!),
    async run(intervalMs, tag) {
      const expected = options.messages * options.clients;
      await Promise.all(workers.map((w) => w.call({ op: 'reset', tag })));
      for (const w of workers) w.delivered = 0;
      const started = performance.now();
      const outcome = await workers[0]!.call<SendOutcome>({ op: 'send', senders: options.senders, messages: options.messages, intervalMs, tag });
      let last = delivered();
      let lastChange = performance.now();
      const deadline = lastChange + DRAIN_MAX_MS;
      while (delivered() < expected && performance.now() - lastChange < STALL_MS && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (delivered() !== last) {
          last = delivered();
          lastChange = performance.now();
        }
      }
      const stalled = delivered() < expected;
      // A stalled run ends when deliveries stopped, not after the wait that noticed it.
      const elapsedMs = (stalled ? lastChange : performance.now()) - started;
      return { ...outcome, delivered: delivered(), expected, elapsedMs, stalled };
    },
    async report() {
      const parts = await Promise.all(workers.map((w) => w.call<WorkerReport>({ op: 'report' })));
      const latenciesMs = new Float64Array(parts.reduce((n, p) => n + p.latenciesMs.length, 0));
      let offset = 0;
      for (const p of parts) {
        latenciesMs.set(p.latenciesMs, offset);
        offset += p.latenciesMs.length;
      }
      latenciesMs.sort();
      const sum = (key: 'delivered' | 'duplicates' | 'unreadable') => parts.reduce((n, p) => n + p[key], 0);
      return { delivered: sum('delivered'), duplicates: sum('duplicates'), unreadable: sum('unreadable'), latenciesMs };
    },
    close,
  };
}
