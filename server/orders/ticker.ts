// Simulated activity: creates orders and moves open ones along (paid, shipped, now and then cancelled or
// refunded) at `rate` writes per second, through the orders service like any user. A 50 ms timer writes the
// writes that are due in one transaction, each with its own change row; the fraction left over carries to the
// next tick, so 0.1/s writes once every 10 s and 500/s costs 20 commits a second, not 500.
import type { FastifyBaseLogger } from 'fastify';
import type { OrdersRepository } from './orders-repository.js';
import type { OrdersService, OrderWrite } from './orders-service.js';
import { nextStatus, sampleCustomer, sampleLine, type Random } from './sample-data.js';

export const TICK_MS = 50;
/** Share of writes that update an open order (when there is one); the rest create orders. */
const UPDATE_SHARE = 0.6;
/** Updates pick among this many newest orders. */
const CANDIDATES = 200;

/** Whole writes due after `elapsedMs` at `rate`/s, and the fraction carried to the next tick. */
export function dueWrites(carry: number, rate: number, elapsedMs: number): { count: number; carry: number } {
  const due = carry + (rate * elapsedMs) / 1000;
  // The epsilon absorbs float error, so 200 ticks of 0.005 make one write, not 0.9999999999999999.
  const count = Math.floor(due + 1e-9);
  return { count, carry: due - count };
}

export interface Ticker {
  rate(): number;
  setRate(rate: number): void;
  /** Stops for good and waits for a batch in flight. */
  stop(): Promise<void>;
}

export function createTicker(
  orders: OrdersService,
  repo: OrdersRepository,
  log: FastifyBaseLogger,
  random: Random = Math.random,
): Ticker {
  let rate = 0;
  let carry = 0;
  let lastTick = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  async function write(count: number): Promise<void> {
    const open = (await repo.newest(CANDIDATES)).filter((o) => o.status === 'pending' || o.status === 'paid');
    const writes: OrderWrite[] = [];
    for (let i = 0; i < count; i++) {
      const target = open.length && random() < UPDATE_SHARE ? open.splice(Math.floor(random() * open.length), 1)[0] : undefined;
      const status = target && nextStatus(target.status, random);
      if (target && status) writes.push({ op: 'update', id: target.id, patch: { status } });
      else writes.push({ op: 'create', input: { customer: sampleCustomer(random), ...sampleLine(random) } });
    }
    await orders.writeMany(writes);
  }

  function tick(): void {
    const now = performance.now();
    const due = dueWrites(carry, rate, now - lastTick);
    lastTick = now;
    // After a stall (a paused process, a slow disk) at most one second's worth is written, not a burst.
    const count = Math.min(due.count, Math.ceil(rate));
    carry = due.carry;
    if (count === 0) return;
    if (inFlight) {
      carry = Math.min(carry + count, Math.ceil(rate));
      return;
    }
    inFlight = write(count)
      .catch((err: unknown) => log.warn({ err }, 'ticker write failed'))
      .finally(() => {
        inFlight = undefined;
      });
  }

  return {
    rate: () => rate,
    setRate(next) {
      rate = next;
      if (rate > 0 && !timer && !stopped) {
        carry = 0;
        lastTick = performance.now();
        timer = setInterval(tick, TICK_MS);
        timer.unref();
      } else if (rate === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
