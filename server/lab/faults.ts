// Faults the lab injects on purpose, to watch each transport cope: a burst of writes (catch-up under load) and a
// stall of the event loop (what a long synchronous task or a GC pause does to every client at once). The drop
// fault lives in drop-registry.ts.
import type { OrdersService, OrderWrite } from '../orders/orders-service.js';
import { sampleCustomer, sampleLine, type Random } from '../orders/sample-data.js';

/**
 * Creates `count` orders in one transaction: each its own change, with consecutive seqs (SQLite has one writer, so
 * nothing interleaves). Returns the seqs of the first and the last.
 */
export async function burst(orders: Pick<OrdersService, 'writeMany'>, count: number, random: Random = Math.random) {
  const writes: OrderWrite[] = Array.from({ length: count }, () => ({
    op: 'create',
    input: { customer: sampleCustomer(random), ...sampleLine(random) },
  }));
  const { made, lastSeq } = await orders.writeMany(writes);
  return { first_seq: lastSeq - made + 1, last_seq: lastSeq };
}

/** Holds the event loop for `ms`: nothing else in the process runs meanwhile, timers and sockets included. */
export function stall(ms: number): number {
  const started = performance.now();
  while (performance.now() - started < ms) {
    // busy on purpose
  }
  return performance.now() - started;
}
