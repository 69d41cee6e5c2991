// The one write path for orders, used by the REST routes and the ticker alike. Each write and its change row
// commit in one transaction, so the change log never misses or invents a change; after the commit the new
// head is published on the bus, which wakes long polls and live streams.
import type { CreateOrder, Order, OrderChange, PatchOrder } from '../contract/orders.js';
import type { EventBus } from '../bus/event-bus.js';
import { searchKey, toOrder, type OrdersRepository, type OrdersWriter } from './orders-repository.js';

export class OrderNotFoundError extends Error {
  override name = 'OrderNotFoundError';
  constructor(readonly id: number) {
    super(`There is no order ${id}.`);
  }
}

export class OrderVersionMismatchError extends Error {
  override name = 'OrderVersionMismatchError';
  constructor(readonly current: Order) {
    super(`Order ${current.id} is at version ${current.version}.`);
  }
}

/** `ifVersion`: the write happens only while the order's version is one of these (If-Match). */
export type OrderWrite =
  | { op: 'create'; input: CreateOrder }
  | { op: 'update'; id: number; patch: PatchOrder; ifVersion?: number[] }
  | { op: 'delete'; id: number; ifVersion?: number[] };

export interface OrdersService {
  /** The newest committed change seq, kept in memory: O(1), no database. */
  head(): number;
  findById(id: number): Promise<Order | undefined>;
  create(input: CreateOrder): Promise<Order>;
  update(id: number, patch: PatchOrder, ifVersion?: number[]): Promise<Order>;
  remove(id: number, ifVersion?: number[]): Promise<Order>;
  /**
   * Several writes in one transaction (one fsync), each with its own change row. A write whose order is gone or
   * has moved on is skipped; any other failure rolls back the batch. Returns the number of writes made and the seq
   * of the last (0 when none was made); the batch's seqs are consecutive, as nothing else writes meanwhile.
   */
  writeMany(writes: OrderWrite[]): Promise<{ made: number; lastSeq: number }>;
  /** Changes after `after`, up to the head read by the caller, in seq order. */
  changes(after: number, upTo: number, limit: number): Promise<OrderChange[]>;
  close(): void;
}

const trimmed = (text: string | undefined) => text?.trim();

async function apply(w: OrdersWriter, write: OrderWrite, at: number): Promise<{ order: Order; seq: number }> {
  if (write.op === 'create') {
    const customer = write.input.customer.trim();
    const item = write.input.item.trim();
    const row = await w.insert({
      created_at: at,
      updated_at: at,
      customer,
      customer_search: searchKey(customer),
      item,
      item_search: searchKey(item),
      amount_cents: write.input.amount_cents,
      status: write.input.status ?? 'pending',
      version: 1,
    });
    return { order: toOrder(row), seq: await w.appendChange('created', row, at) };
  }
  const row =
    write.op === 'update'
      ? await w.update(
          write.id,
          {
            customer: trimmed(write.patch.customer),
            item: trimmed(write.patch.item),
            amount_cents: write.patch.amount_cents,
            status: write.patch.status,
          },
          write.ifVersion,
          at,
        )
      : await w.delete(write.id, write.ifVersion);
  if (!row) {
    const current = await w.findById(write.id);
    throw current ? new OrderVersionMismatchError(toOrder(current)) : new OrderNotFoundError(write.id);
  }
  const kind = write.op === 'update' ? 'updated' : 'deleted';
  return { order: toOrder(row), seq: await w.appendChange(kind, row, at) };
}

export async function createOrdersService(repo: OrdersRepository, bus: EventBus, now = Date.now): Promise<OrdersService> {
  let head = await repo.lastSeq();

  function committed(seq: number): void {
    if (seq <= head) return;
    head = seq;
    bus.publish('orders.changed', { lastSeq: seq });
  }
  // Another process sharing the database (behind a networked bus) moves the head too.
  const unsubscribe = bus.subscribe('orders.changed', ({ lastSeq }) => {
    if (lastSeq > head) head = lastSeq;
  });

  async function one(write: OrderWrite): Promise<Order> {
    const { order, seq } = await repo.transaction((w) => apply(w, write, now()));
    committed(seq);
    return order;
  }

  return {
    head: () => head,
    async findById(id) {
      const row = await repo.findById(id);
      return row && toOrder(row);
    },
    create: (input) => one({ op: 'create', input }),
    update: (id, patch, ifVersion) => one({ op: 'update', id, patch, ifVersion }),
    remove: (id, ifVersion) => one({ op: 'delete', id, ifVersion }),
    async writeMany(writes) {
      const { made, last } = await repo.transaction(async (w) => {
        const at = now();
        let made = 0;
        let last = 0;
        for (const write of writes) {
          try {
            last = (await apply(w, write, at)).seq;
            made += 1;
          } catch (error) {
            if (!(error instanceof OrderNotFoundError || error instanceof OrderVersionMismatchError)) throw error;
          }
        }
        return { made, last };
      });
      committed(last);
      return { made, lastSeq: last };
    },
    async changes(after, upTo, limit) {
      const rows = await repo.changes(after, upTo, limit);
      return rows.map((r) => ({ seq: r.seq, kind: r.kind, order_id: r.order_id, at: r.at, order: JSON.parse(r.snapshot) as Order }));
    },
    close: unsubscribe,
  };
}
