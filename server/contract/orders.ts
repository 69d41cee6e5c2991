// Orders, their change feed and the activity ticker: request and response shapes of /api/orders*, /api/ticker.
// Money is integer cents (`amount_cents`), never a float. Times are integer milliseconds since the epoch.
import { Type, type Static } from 'typebox';
import { Problem } from './errors.js';

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled', 'refunded'] as const;
export const OrderStatus = Type.Enum(ORDER_STATUSES);
export type OrderStatus = Static<typeof OrderStatus>;

export const MAX_AMOUNT_CENTS = 100_000_000;
export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
export const CHANGES_LIMIT_DEFAULT = 100;
export const CHANGES_LIMIT_MAX = 1000;
export const LONG_POLL_MAX_SECONDS = 30;
export const TICK_RATE_MAX = 500;

const Millis = Type.Integer({ minimum: 0, description: 'Milliseconds since the epoch (server clock)' });
const Text = (description: string) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: `${description}; 1–100 characters, not blank` });
const AmountCents = Type.Integer({
  minimum: 1,
  maximum: MAX_AMOUNT_CENTS,
  description: `Integer cents, 1 to ${MAX_AMOUNT_CENTS} (1,000,000.00)`,
});

export const Order = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  created_at: Millis,
  updated_at: Millis,
  customer: Type.String(),
  item: Type.String(),
  amount_cents: Type.Integer({ description: 'Integer cents' }),
  status: OrderStatus,
  version: Type.Integer({ minimum: 1, description: '1 on create, +1 on every update; the ETag is `"<version>"`' }),
});
export type Order = Static<typeof Order>;

export const OrderId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const CreateOrder = Type.Object(
  {
    customer: Text('Customer name'),
    item: Text('What was ordered'),
    amount_cents: AmountCents,
    status: Type.Optional(Type.Enum(ORDER_STATUSES, { description: 'Defaults to `pending`' })),
  },
  { additionalProperties: false },
);
export type CreateOrder = Static<typeof CreateOrder>;

export const PatchOrder = Type.Object(
  {
    customer: Type.Optional(Text('Customer name')),
    item: Type.Optional(Text('What was ordered')),
    amount_cents: Type.Optional(AmountCents),
    status: Type.Optional(OrderStatus),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'The fields to change. Send `If-Match: "<version>"` to refuse the change (412) if someone else changed the order first.',
  },
);
export type PatchOrder = Static<typeof PatchOrder>;

/** A date (`2026-01-31`, a whole UTC day), an RFC 3339 date-time with `Z` or an offset, or epoch milliseconds. */
export const TIME_PARAM_PATTERN =
  '^(\\d{1,15}|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?)$';
const TimeParam = (description: string) =>
  Type.String({
    pattern: TIME_PARAM_PATTERN,
    description: `${description}: epoch milliseconds, a date \`YYYY-MM-DD\` (UTC) or an RFC 3339 date-time with \`Z\` or an offset (encode \`+\` as \`%2B\`)`,
  });

export const ORDER_SORTS = ['created_at', 'amount', 'id'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const LIST_MODES =
  'Two modes with the same filters and sorts. **Cursor mode** when `cursor` or `limit` is present: keyset pages that ' +
  'stay correct while orders are written. **Page mode** otherwise: numbered pages with a total, for jumping to page N ' +
  '(cheap near the start, slower deep into a large table; rows written between requests shift later pages). The two ' +
  "modes' parameters cannot be mixed.";

export const ListOrdersQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Page mode: 1-based page number (default 1)' })),
    page_size: Type.Optional(
      Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, description: `Page mode: rows per page (default ${PAGE_SIZE_DEFAULT})` }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, description: `Cursor mode: rows per page (default ${PAGE_SIZE_DEFAULT})` }),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Cursor mode: `next_cursor` or `prev_cursor` of a previous page, used with the same filters and sort. Omit for the first page.',
      }),
    ),
    status: Type.Optional(
      Type.String({
        pattern: `^(${ORDER_STATUSES.join('|')})(,(${ORDER_STATUSES.join('|')}))*$`,
        description: 'One status or a comma-separated list, e.g. `paid,shipped`',
      }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Case-insensitive prefix of the customer or the item' }),
    ),
    created_from: Type.Optional(TimeParam('Orders created at or after')),
    created_to: Type.Optional(TimeParam('Orders created at or before (a date includes the whole day)')),
    sort: Type.Enum(ORDER_SORTS, { default: 'created_at', description: 'Sort key; ties are broken by `id`' }),
    order: Type.Enum(SORT_ORDERS, { default: 'desc' }),
  },
  {
    additionalProperties: false,
    description: LIST_MODES,
  },
);
export type ListOrdersQuery = Static<typeof ListOrdersQuery>;

export const PageMeta = Type.Object(
  {
    page: Type.Integer(),
    page_size: Type.Integer(),
    total: Type.Integer({ description: 'Orders matching the filters' }),
    total_pages: Type.Integer(),
  },
  { description: 'Page mode' },
);
export type PageMeta = Static<typeof PageMeta>;

export const CursorMeta = Type.Object(
  {
    limit: Type.Integer(),
    has_more: Type.Boolean({ description: 'There are rows after this page (`next_cursor` is set)' }),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
    prev_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Null when no row comes before this page' }),
    as_of: Type.Integer({ description: 'The change-feed head when the walk began (its first page); carried by every cursor of the walk' }),
  },
  {
    description:
      'Cursor mode (keyset pages, `id` breaks ties). Walking `next_cursor` returns every order that exists for the whole ' +
      'walk, keeps matching the filters and keeps its sort key exactly once and in order, however many orders are created, ' +
      'updated or deleted meanwhile; orders created during the walk appear when their key is ahead of the cursor. ' +
      '`created_at` and `id` never change. With `sort=amount`, an order whose `amount_cents` is edited mid-walk moves: it ' +
      'is returned a second time if it moves ahead of the cursor after being returned, and not at all if it moves behind the ' +
      'cursor before being reached; an order whose status, customer or item starts or stops matching a filter mid-walk ' +
      'likewise may appear or be missed. For an exact copy under any edits, apply `GET /api/orders/changes?after=<as_of>` ' +
      'after the walk: every change carries the whole order.',
  },
);
export type CursorMeta = Static<typeof CursorMeta>;

export const OrderList = Type.Object({
  data: Type.Array(Order),
  meta: Type.Union([PageMeta, CursorMeta]),
});
export type OrderList = Static<typeof OrderList>;

/** A 412 carries the order as it is now, so a client can show the newer version. */
export const StaleOrderProblem = Type.Object(
  { ...Problem.properties, current: Order },
  { description: 'The order changed since the version in If-Match; `current` is the order now' },
);
export type StaleOrderProblem = Static<typeof StaleOrderProblem>;

export const CHANGE_KINDS = ['created', 'updated', 'deleted'] as const;
export const ChangeKind = Type.Enum(CHANGE_KINDS);
export type ChangeKind = Static<typeof ChangeKind>;

export const OrderChange = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  kind: ChangeKind,
  order_id: Type.Integer(),
  at: Millis,
  order: Order,
}, { description: '`order` is the order after the change; for `deleted`, as it was' });
export type OrderChange = Static<typeof OrderChange>;

export const ChangesQuery = Type.Object(
  {
    after: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Return changes with `seq` greater than this; continue with `after = meta.last_seq`. Start with the `head_seq` read before loading the orders.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: CHANGES_LIMIT_MAX, default: CHANGES_LIMIT_DEFAULT }),
    wait: Type.Integer({
      minimum: 0,
      maximum: LONG_POLL_MAX_SECONDS,
      default: 0,
      description: 'Long poll: when nothing follows `after`, hold the request up to this many seconds and answer as soon as a change is committed (empty `data` at the timeout)',
    }),
  },
  { additionalProperties: false },
);
export type ChangesQuery = Static<typeof ChangesQuery>;

export const ChangesPage = Type.Object(
  {
    data: Type.Array(OrderChange, { description: 'In `seq` order, without gaps' }),
    meta: Type.Object({
      last_seq: Type.Integer({ description: 'The last `seq` in `data`, or `after` when `data` is empty: always the next `after`' }),
      has_more: Type.Boolean({ description: 'More changes already follow `last_seq`: ask again at once' }),
      head_seq: Type.Integer({ description: 'The newest committed `seq`; `head_seq - last_seq` is how far behind the caller is' }),
    }),
  },
  {
    description:
      'The change log of orders: one entry per create, update and delete, written in the same transaction as the change, ' +
      'numbered by a gapless increasing `seq`. Orders loaded by seeding are the baseline and have no entries: the feed ' +
      'starts after the seed. If `after` is greater than `head_seq` (the database was replaced), the answer comes at once: ' +
      'reload the orders and continue from `head_seq`. Conditional requests (If-None-Match) for a feed that has not moved get 304.',
  },
);
export type ChangesPage = Static<typeof ChangesPage>;

export const FeedHead = Type.Object({
  head_seq: Type.Integer({ description: 'The newest committed `seq` (0 before the first change)' }),
});
export type FeedHead = Static<typeof FeedHead>;

export const TickerState = Type.Object(
  {
    rate: Type.Number({
      minimum: 0,
      maximum: TICK_RATE_MAX,
      description: `Simulated writes (creates and status updates) per second, 0 to ${TICK_RATE_MAX}; fractions allowed (0.1 is one every 10 s); 0 stops it`,
    }),
  },
  { additionalProperties: false },
);
export type TickerState = Static<typeof TickerState>;
