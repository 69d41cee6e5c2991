// SQLite answers a status or prefix filter from that filter's index and then sorts every match, even when there
// are so many matches that walking the sort's own index and skipping non-matches would fill the page at once
// (on a million orders, `q=a` takes 0.5 s one way and 2 ms the other). A count capped at the break-even point
// tells the cases apart: reading `rows` of the sort index costs about rows * total / matches steps, collecting
// and sorting costs about three steps per match. Both read paths of the repository decide the same way.
import type { OrderFilters, OrderSortSpec } from './orders-repository.js';

/** Which filters may be answered from their own index. */
export interface IndexUse {
  status: boolean;
  prefix: boolean;
}

export const ALL_INDEXES: IndexUse = { status: true, prefix: true };

/** The filters worth probing; none when every filter's index is the right one whatever the counts. */
export function filtersToProbe(f: OrderFilters, sort: OrderSortSpec): { status: boolean; prefix: boolean } {
  // The status index ends in (created_at, id): for that sort it is the sort's index.
  return { status: Boolean(f.statuses?.length) && sort.column !== 'created_at', prefix: Boolean(f.prefix) };
}

/** Matches beyond which walking the sort's index beats collecting and sorting the matches. */
export function breakEven(rows: number, newestId: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((rows * newestId) / 3)));
}
