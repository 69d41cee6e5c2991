// The suite's handle on its SSE client pool, a forked child (sse-pool-child.ts) that talks to loopback only.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DeliveryResult, OpenResult, PoolCommand, PoolReply, Trigger } from './sse-pool-protocol.js';

export type { DeliveryResult, Trigger } from './sse-pool-protocol.js';
export { SOAK_OVERRUN } from './sse-pool-protocol.js';

export interface SsePool {
  /** Opens one stream per cookie (repeat a cookie for several streams of one user); resolves once each is ready. */
  open(url: string, cookies: string[], readyMarker: string): Promise<OpenResult>;
  /** Closes every stream past the first `keep`. */
  close(keep: number): Promise<OpenResult>;
  /** `count` broadcasts one after another, each once every stream has it (or after `timeoutMs`). */
  rounds(trigger: Trigger, count: number, options: { gapMs: number; timeoutMs: number }): Promise<DeliveryResult>;
  /** Broadcasts at a fixed rate whatever the deliveries do, then waits for the stragglers. */
  soak(trigger: Trigger, options: { perSecond: number; seconds: number; drainTimeoutMs: number }): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`benchmarks only talk to this machine, not ${host}`);
}

export function startSsePool(): SsePool {
  const child = fork(fileURLToPath(new URL('./sse-pool-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  child.on('message', (reply: PoolReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`SSE pool: ${reply.error}`));
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`SSE pool exited with ${code}`));
    pending.clear();
  });

  function call<T>(command: PoolCommand): Promise<T> {
    if ('url' in command) assertLoopback(command.url);
    if ('trigger' in command) assertLoopback(command.trigger.url);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...command, id });
    });
  }

  return {
    open: (url, cookies, readyMarker) => call({ cmd: 'open', url, cookies, readyMarker }),
    close: (keep) => call({ cmd: 'close', keep }),
    rounds: (trigger, count, o) => call({ cmd: 'rounds', trigger, count, ...o }),
    soak: (trigger, o) => call({ cmd: 'soak', trigger, ...o }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
