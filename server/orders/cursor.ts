// Opaque keyset cursors: base64url JSON of where the page ended, the walk's start and a digest of the query it
// belongs to, followed by an HMAC. A client cannot forge a position or reuse a cursor with other filters; a
// server that restarts with the same secret still accepts its cursors.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { ORDER_SORTS, SORT_ORDERS, type OrderSort, type SortOrder } from '../contract/orders.js';
import type { SortKey } from './orders-repository.js';

export interface CursorState {
  sort: OrderSort;
  order: SortOrder;
  /** `next` reads on past `key` in sort order, `prev` reads back before it. */
  direction: 'next' | 'prev';
  /** Null: from the end of the list in that direction (the `last` link). */
  key: SortKey | null;
  /** The change-feed head when the walk began. */
  asOf: number;
  /** Digest of the filters and sort (`queryDigest`). */
  query: string;
}

const MAC_BYTES = 16;
/** Remembered digests and end-of-list cursors: every page of a walk, and every poll of a first page, repeats them. */
const MEMO_SIZE = 256;

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return value;
}

const digests = new Map<string, string>();

export function queryDigest(canonicalQuery: string): string {
  return digests.get(canonicalQuery) ?? remember(digests, canonicalQuery, hash('sha256', canonicalQuery, 'base64url').slice(0, 16));
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function parseState(value: unknown): CursorState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const sort = ORDER_SORTS.find((s) => s === v.s);
  const order = SORT_ORDERS.find((o) => o === v.o);
  const direction = v.d === 'n' ? 'next' : v.d === 'p' ? 'prev' : undefined;
  if (!sort || !order || !direction || !isInt(v.a) || typeof v.q !== 'string') return undefined;
  let key: SortKey | null = null;
  if (v.k !== null) {
    if (!Array.isArray(v.k) || v.k.length !== 2 || !isInt(v.k[0]) || !isInt(v.k[1])) return undefined;
    key = { value: v.k[0], id: v.k[1] };
  }
  return { sort, order, direction, key, asOf: v.a, query: v.q };
}

export interface CursorCodec {
  encode(state: CursorState): string;
  /** Undefined for anything this server did not issue. */
  decode(token: string): CursorState | undefined;
}

export function createCursorCodec(secret: string): CursorCodec {
  // A key of its own, so a cursor MAC can never double as a cookie signature.
  const key = createHmac('sha256', secret).update('switchboard/orders-cursor/v1').digest();
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
  // A cursor without a key (the `last` link) depends only on the walk, not on the page.
  const keyless = new Map<string, string>();

  function sign(state: CursorState): string {
    const json = JSON.stringify({
      s: state.sort,
      o: state.order,
      d: state.direction === 'next' ? 'n' : 'p',
      k: state.key && [state.key.value, state.key.id],
      a: state.asOf,
      q: state.query,
    });
    const body = Buffer.from(json).toString('base64url');
    return `${body}.${mac(body).toString('base64url')}`;
  }

  return {
    encode(state) {
      if (state.key) return sign(state);
      const memo = `${state.sort} ${state.order} ${state.direction} ${state.asOf} ${state.query}`;
      return keyless.get(memo) ?? remember(keyless, memo, sign(state));
    },
    decode(token) {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return undefined;
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(body))) return undefined;
      try {
        return parseState(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      } catch {
        return undefined;
      }
    },
  };
}
