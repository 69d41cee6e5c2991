// Orders over REST: writes and their preconditions, both list modes over every sort while other writes happen
// between page fetches, links, caching headers and every refused parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { OrderList, type CursorMeta, type Order, type PageMeta } from '../contract/orders.js';
import { seededRandom } from '../orders/sample-data.js';
import { seedOrders } from '../orders/seed.js';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ cookie } = await registerUser(t.app));
  await seedOrders(t.app.database, { count: 80, random: seededRandom(7) });
  // Ties on every sort key, so the id tie-breaker is exercised.
  for (let i = 0; i < 6; i++) await create({ customer: `Tie ${i}`, item: 'Same thing', amount_cents: 5000 });
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Headers = {}) =>
  t.app.inject({ method, url, payload, headers: { cookie, ...headers } });

async function create(body: object): Promise<Order> {
  const res = await api('POST', '/api/orders', body);
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`);
  return res.json();
}

function links(header: string | string[] | number | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(header ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>;\s*rel="(\w+)"$/.exec(part.trim());
    if (match) out[match[2]!] = match[1]!;
  }
  return out;
}

function fieldsOf(res: { json(): unknown }): string[] {
  return ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
}

async function everyOrder(): Promise<Order[]> {
  const all: Order[] = [];
  let url: string | undefined = '/api/orders?limit=100&sort=id&order=asc';
  while (url) {
    const body = (await api('GET', url)).json() as { data: Order[]; meta: CursorMeta };
    all.push(...body.data);
    url = body.meta.next_cursor ? `/api/orders?limit=100&sort=id&order=asc&cursor=${body.meta.next_cursor}` : undefined;
  }
  return all;
}

const SORT_KEY = { created_at: (o: Order) => o.created_at, amount: (o: Order) => o.amount_cents, id: (o: Order) => o.id };
type Sort = keyof typeof SORT_KEY;
const SORTS = (['created_at', 'amount', 'id'] as const).flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const));

function expectSorted(rows: Order[], sort: Sort, order: 'asc' | 'desc'): void {
  const sign = order === 'asc' ? 1 : -1;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const cmp = Math.sign(SORT_KEY[sort](b) - SORT_KEY[sort](a)) || Math.sign(b.id - a.id);
    expect(cmp, `rows ${a.id} then ${b.id}`).toBe(sign);
  }
}

/** Some writes by someone else: new orders and status changes to existing ones. */
async function otherWrites(existing: Order[], round: number): Promise<void> {
  await create({ customer: `Newcomer ${round}`, item: 'Fresh item', amount_cents: 1 + ((round * 7919) % 90_000) });
  await create({ customer: `Latecomer ${round}`, item: 'Fresh item', amount_cents: 5000 });
  for (const target of [existing[(round * 13) % existing.length]!, existing[(round * 29 + 5) % existing.length]!]) {
    const status = target.status === 'shipped' ? 'refunded' : 'shipped';
    const res = await api('PATCH', `/api/orders/${target.id}`, { status });
    expect(res.statusCode).toBe(200);
  }
}

describe('orders: writes', () => {
  it.each([
    ['GET', '/api/orders'],
    ['GET', '/api/orders/1'],
    ['POST', '/api/orders'],
    ['PATCH', '/api/orders/1'],
    ['DELETE', '/api/orders/1'],
  ] as const)('%s %s needs a session', async (method, url) => {
    const payload = method === 'POST' ? { customer: 'A', item: 'B', amount_cents: 1 } : method === 'PATCH' ? { status: 'paid' } : undefined;
    const res = await t.app.inject({ method, url, payload });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('creates with 201, Location and ETag, and reads it back with 304 on a match', async () => {
    const before = Date.now();
    const res = await api('POST', '/api/orders', { customer: '  Grace Hopper ', item: 'Compiler', amount_cents: 123_456 });
    expect(res.statusCode).toBe(201);
    const order = res.json() as Order;
    expect(order).toMatchObject({ customer: 'Grace Hopper', item: 'Compiler', amount_cents: 123_456, status: 'pending', version: 1 });
    expect(order.created_at).toBeGreaterThanOrEqual(before);
    expect(res.headers.location).toBe(`/api/orders/${order.id}`);
    expect(res.headers.etag).toBe('"1"');

    const read = await api('GET', res.headers.location as string);
    expect(read.json()).toEqual(order);
    expect(read.headers.etag).toBe('"1"');
    expect(read.headers['cache-control']).toBe('private, no-cache');
    expect((await api('GET', `/api/orders/${order.id}`, undefined, { 'if-none-match': '"1"' })).statusCode).toBe(304);
  });

  it.each([
    [{ customer: 'A', item: 'B', amount_cents: 12.5 }, 'body.amount_cents'],
    [{ customer: 'A', item: 'B', amount_cents: 0 }, 'body.amount_cents'],
    [{ customer: 'A', item: 'B', amount_cents: 100_000_001 }, 'body.amount_cents'],
    [{ customer: 'A', item: 'B', amount_cents: '12.5' }, 'body.amount_cents'],
    [{ item: 'B', amount_cents: 1 }, 'body.customer'],
    [{ customer: '   ', item: 'B', amount_cents: 1 }, 'body.customer'],
    [{ customer: 'A', item: 'B', amount_cents: 1, status: 'lost' }, 'body.status'],
    [{ customer: 'A', item: 'B', amount_cents: 1, colour: 'red' }, 'body.colour'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await api('POST', '/api/orders', body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
  });

  it('patches part of an order, bumping version and ETag', async () => {
    const order = await create({ customer: 'Alan Turing', item: 'Bombe', amount_cents: 1000 });
    const res = await api('PATCH', `/api/orders/${order.id}`, { status: 'paid', customer: 'Alan M. Turing' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const patched = res.json() as Order;
    expect(patched).toMatchObject({ id: order.id, status: 'paid', customer: 'Alan M. Turing', amount_cents: 1000, version: 2 });
    expect(patched.created_at).toBe(order.created_at);
    expect(patched.updated_at).toBeGreaterThanOrEqual(order.updated_at);
    // The search key follows the new name.
    const found = (await api('GET', '/api/orders?q=alan%20m.')).json() as { data: Order[] };
    expect(found.data.map((o) => o.id)).toEqual([order.id]);
  });

  it('answers a stale If-Match with 412 carrying the current order, and changes nothing', async () => {
    const order = await create({ customer: 'Katherine Johnson', item: 'Slide rule', amount_cents: 2500 });
    await api('PATCH', `/api/orders/${order.id}`, { amount_cents: 2600 });
    const head = t.app.orders.head();

    const stale = await api('PATCH', `/api/orders/${order.id}`, { status: 'cancelled' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json()).toMatchObject({
      code: 'precondition_failed',
      status: 412,
      current: { id: order.id, amount_cents: 2600, status: 'pending', version: 2 },
    });
    const staleDelete = await api('DELETE', `/api/orders/${order.id}`, undefined, { 'if-match': '"1", W/"2"' });
    expect(staleDelete.statusCode).toBe(412);
    expect(staleDelete.json().current.version).toBe(2);
    expect(t.app.orders.head()).toBe(head);
    expect((await api('GET', `/api/orders/${order.id}`)).json()).toMatchObject({ version: 2, status: 'pending' });

    const fresh = await api('PATCH', `/api/orders/${order.id}`, { status: 'paid' }, { 'if-match': '"1", "2"' });
    expect(fresh.json()).toMatchObject({ status: 'paid', version: 3 });
    const any = await api('PATCH', `/api/orders/${order.id}`, { status: 'shipped' }, { 'if-match': '*' });
    expect(any.json()).toMatchObject({ status: 'shipped', version: 4 });
    const bad = await api('PATCH', `/api/orders/${order.id}`, { status: 'shipped' }, { 'if-match': 'version 4' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['header.if-match']);
  });

  it('deletes with 204 (honouring If-Match), then answers 404', async () => {
    const order = await create({ customer: 'Margaret Hamilton', item: 'Listing', amount_cents: 999 });
    const res = await api('DELETE', `/api/orders/${order.id}`, undefined, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    for (const [method, payload] of [['GET'], ['DELETE'], ['PATCH', { status: 'paid' }]] as const) {
      const gone = await api(method, `/api/orders/${order.id}`, payload);
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('validates ids and patch bodies', async () => {
    for (const id of ['abc', '0', '-3', '1.5']) {
      const res = await api('GET', `/api/orders/${id}`);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['path.id']);
    }
    expect((await api('GET', '/api/orders/99999999')).statusCode).toBe(404);
    const empty = await api('PATCH', '/api/orders/1', {});
    expect(empty.statusCode).toBe(400);
    const unknown = await api('PATCH', '/api/orders/1', { version: 9 });
    expect(fieldsOf(unknown)).toEqual(['body.version']);
  });
});

describe('orders: list answers', () => {
  it('are JSON of the contract shape in both modes, empty ones too', async () => {
    for (const url of ['/api/orders?page=2&page_size=7', '/api/orders?limit=5&sort=amount', '/api/orders?q=nobody-is-called-this', '/api/orders?page=999']) {
      const res = await api('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body: unknown = res.json();
      expect(Value.Check(OrderList, body), `${url}: ${[...Value.Errors(OrderList, body)].map((e) => e.message).join('; ')}`).toBe(true);
    }
  });
});

describe('orders: page mode', () => {
  it.each(SORTS)('walks every page sorted by %s %s, status changes between fetches neither skip nor repeat', async (sort, order) => {
    const all = await everyOrder();
    const seen: Order[] = [];
    let page = 1;
    let meta: PageMeta;
    do {
      const res = await api('GET', `/api/orders?page=${page}&page_size=9&sort=${sort}&order=${order}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { data: Order[]; meta: PageMeta };
      meta = body.meta;
      seen.push(...body.data);
      // Status changes do not move rows in these sorts, so offsets stay put.
      const target = all[(page * 17) % all.length]!;
      await api('PATCH', `/api/orders/${target.id}`, { status: page % 2 ? 'paid' : 'shipped' });
      page += 1;
    } while (page <= meta.total_pages);
    expect(meta).toMatchObject({ page_size: 9, total: all.length, total_pages: Math.ceil(all.length / 9) });
    expect(seen.map((o) => o.id).sort((a, b) => a - b)).toEqual(all.map((o) => o.id));
    expectSorted(seen, sort, order);
  });

  it('sends Link, Cache-Control, Server-Timing and an ETag that answers 304, also when compressed', async () => {
    const url = '/api/orders?status=paid,shipped&q=a&page=2&page_size=5&sort=amount&order=asc';
    const res = await api('GET', url, undefined, { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['server-timing']).toMatch(/^db;dur=\d+(\.\d+)?$/);
    const rel = links(res.headers.link);
    const keep = 'status=paid%2Cshipped&q=a&sort=amount&order=asc';
    expect(rel.first).toBe(`/api/orders?${keep}&page=1&page_size=5`);
    expect(rel.prev).toBe(`/api/orders?${keep}&page=1&page_size=5`);
    const total = (JSON.parse(res.body) as { meta: PageMeta }).meta.total_pages;
    expect(rel.last).toBe(`/api/orders?${keep}&page=${total}&page_size=5`);
    if (total > 2) expect(rel.next).toBe(`/api/orders?${keep}&page=3&page_size=5`);

    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await api('GET', url, undefined, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Following the links works.
    expect((await api('GET', rel.last!)).statusCode).toBe(200);
  });

  it('has no prev on page 1 and no next on the last page; past the end is empty', async () => {
    const first = await api('GET', '/api/orders?page_size=50');
    const { total_pages } = (first.json() as { meta: PageMeta }).meta;
    expect(Object.keys(links(first.headers.link))).toEqual(['first', 'next', 'last']);
    const last = await api('GET', `/api/orders?page_size=50&page=${total_pages}`);
    expect(Object.keys(links(last.headers.link))).toEqual(['first', 'prev', 'last']);
    const beyond = await api('GET', `/api/orders?page_size=50&page=${total_pages + 5}`);
    expect(beyond.json()).toMatchObject({ data: [], meta: { page: total_pages + 5 } });
    expect(links(beyond.headers.link).prev).toContain(`page=${total_pages}&`);
  });

  it('filters by status list, customer or item prefix (any case) and creation time', async () => {
    const all = await everyOrder();
    const count = async (query: string) => {
      const res = await api('GET', `/api/orders?page_size=100&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { data: Order[]; meta: PageMeta });
    };
    const byStatus = await count('status=paid,refunded');
    expect(byStatus.meta.total).toBe(all.filter((o) => o.status === 'paid' || o.status === 'refunded').length);
    expect(byStatus.data.every((o) => o.status === 'paid' || o.status === 'refunded')).toBe(true);

    const prefix = all[3]!.customer.slice(0, 3);
    const matches = (o: Order, p: string) => o.customer.toLowerCase().startsWith(p) || o.item.toLowerCase().startsWith(p);
    const byName = await count(`q=${encodeURIComponent(prefix.toUpperCase())}`);
    expect(byName.meta.total).toBe(all.filter((o) => matches(o, prefix.toLowerCase())).length);
    const byItem = await count('q=same%20th');
    expect(byItem.meta.total).toBe(6);

    const sorted = all.map((o) => o.created_at).sort((a, b) => a - b);
    const from = sorted[10]!;
    const to = sorted[40]!;
    const byMs = await count(`created_from=${from}&created_to=${to}`);
    expect(byMs.meta.total).toBe(all.filter((o) => o.created_at >= from && o.created_at <= to).length);
    const day = new Date(from).toISOString().slice(0, 10);
    const byDay = await count(`created_from=${day}&created_to=${day}`);
    const dayStart = Date.parse(day);
    expect(byDay.meta.total).toBe(all.filter((o) => o.created_at >= dayStart && o.created_at < dayStart + 86_400_000).length);
    const byDateTime = await count(`created_from=${encodeURIComponent(new Date(from).toISOString())}`);
    expect(byDateTime.meta.total).toBe(all.filter((o) => o.created_at >= from).length);
  });

  it.each([
    ['page=0', 'query.page'],
    ['page=abc', 'query.page'],
    ['page_size=1000', 'query.page_size'],
    ['page_size=0', 'query.page_size'],
    ['limit=101', 'query.limit'],
    ['sort=name', 'query.sort'],
    ['order=up', 'query.order'],
    ['status=lost', 'query.status'],
    ['status=paid,', 'query.status'],
    ['q=', 'query.q'],
    ['created_from=yesterday', 'query.created_from'],
    ['created_from=2026-02-30', 'query.created_from'],
    ['created_from=2026-03-02&created_to=2026-03-01', 'query.created_to'],
    ['colour=red', 'query.colour'],
    ['page=2&cursor=abc', 'query.page'],
    ['page_size=10&limit=10', 'query.page_size'],
    ['cursor=abc', 'query.cursor'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await api('GET', `/api/orders?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(fieldsOf(res)).toContain(field);
  });
});

describe('orders: cursor mode', () => {
  async function walk(query: string, between?: (round: number) => Promise<void>) {
    const rows: Order[] = [];
    const metas: CursorMeta[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const res = await api('GET', `/api/orders?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { data: Order[]; meta: CursorMeta };
      rows.push(...body.data);
      metas.push(body.meta);
      cursor = body.meta.next_cursor;
      if (between && cursor) await between(round++);
    } while (cursor);
    return { rows, metas };
  }

  it.each(SORTS)('walks by %s %s while orders are created and updated, returning each existing order once', async (sort, order) => {
    const existing = await everyOrder();
    const { rows, metas } = await walk(`limit=7&sort=${sort}&order=${order}`, (round) => otherWrites(existing, round));
    const ids = rows.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set(ids);
    expect(existing.filter((o) => !seen.has(o.id)).map((o) => o.id)).toEqual([]);
    expectSorted(rows, sort, order);
    expect(metas.at(-1)).toMatchObject({ has_more: false, next_cursor: null });
    expect(new Set(metas.map((m) => m.as_of)).size).toBe(1);
    expect(metas[0]!.prev_cursor).toBeNull();
  });

  it('walks back with prev_cursor to the same pages, and reaches the end through the last link', async () => {
    const q = 'limit=5&sort=amount&order=desc&status=shipped,paid,pending';
    const first = (await api('GET', `/api/orders?${q}`)).json() as { data: Order[]; meta: CursorMeta };
    const second = (await api('GET', `/api/orders?${q}&cursor=${first.meta.next_cursor}`)).json() as { data: Order[]; meta: CursorMeta };
    const third = (await api('GET', `/api/orders?${q}&cursor=${second.meta.next_cursor}`)).json() as { data: Order[]; meta: CursorMeta };
    const backToSecond = (await api('GET', `/api/orders?${q}&cursor=${third.meta.prev_cursor}`)).json() as { data: Order[]; meta: CursorMeta };
    expect(backToSecond.data).toEqual(second.data);
    const backToFirst = await api('GET', `/api/orders?${q}&cursor=${backToSecond.meta.prev_cursor}`);
    expect(backToFirst.json().data).toEqual(first.data);
    expect(backToFirst.json().meta.prev_cursor).toBeNull();
    expect(backToFirst.json().meta.has_more).toBe(true);

    const rel = links(backToFirst.headers.link);
    expect(Object.keys(rel)).toEqual(['first', 'next', 'last']);
    expect(rel.first).toBe('/api/orders?status=shipped%2Cpaid%2Cpending&sort=amount&order=desc&limit=5');
    const { rows } = await walk(q);
    const last = (await api('GET', rel.last!)).json() as { data: Order[]; meta: CursorMeta };
    expect(last.data).toEqual(rows.slice(-5));
    expect(last.meta).toMatchObject({ has_more: false, next_cursor: null });
    const beforeLast = (await api('GET', `/api/orders?${q}&cursor=${last.meta.prev_cursor}`)).json() as { data: Order[] };
    expect(beforeLast.data).toEqual(rows.slice(-10, -5));
  });

  it('sends caching and timing headers, and 304 for an unchanged page', async () => {
    const res = await api('GET', '/api/orders?limit=10&sort=id');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['server-timing']).toMatch(/^db;dur=\d+(\.\d+)?$/);
    const next = links(res.headers.link).next!;
    expect(next).toContain(`cursor=${(res.json() as { meta: CursorMeta }).meta.next_cursor}`);
    const again = await api('GET', '/api/orders?limit=10&sort=id', undefined, { 'if-none-match': res.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it('refuses a tampered cursor and a cursor used with other filters or sort, naming query.cursor', async () => {
    const page = (await api('GET', '/api/orders?limit=3&status=shipped')).json() as { meta: CursorMeta };
    const cursor = page.meta.next_cursor!;
    const [body, mac] = cursor.split('.') as [string, string];
    const json = Buffer.from(body, 'base64url').toString();
    const forged = Buffer.from(json.replace('"d":"n"', '"d":"p"')).toString('base64url');
    for (const url of [
      `/api/orders?limit=3&status=shipped&cursor=${forged}.${mac}`,
      `/api/orders?limit=3&status=shipped&cursor=${body}`,
      `/api/orders?limit=3&status=paid&cursor=${cursor}`,
      `/api/orders?limit=3&status=shipped&sort=amount&cursor=${cursor}`,
      `/api/orders?limit=3&status=shipped&order=asc&cursor=${cursor}`,
    ]) {
      const res = await api('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res)).toEqual(['query.cursor']);
    }
  });

  it('does what the contract says when an amount is edited mid-walk, and the feed from as_of makes the copy exact', async () => {
    const q = 'limit=10&sort=amount&order=asc';
    const before = await everyOrder();
    const byAmount = [...before].sort((a, b) => a.amount_cents - b.amount_cents || a.id - b.id);
    const returnedEarly = byAmount[2]!;
    const notYetReached = byAmount.at(-3)!;
    let moved = false;
    const { rows, metas } = await walk(q, async () => {
      if (moved) return;
      moved = true;
      // One already returned order moves ahead of the cursor, one not yet reached moves behind it.
      await api('PATCH', `/api/orders/${returnedEarly.id}`, { amount_cents: 99_000_000 });
      await api('PATCH', `/api/orders/${notYetReached.id}`, { amount_cents: 1 });
    });
    expect(rows.filter((o) => o.id === returnedEarly.id)).toHaveLength(2);
    expect(rows.filter((o) => o.id === notYetReached.id)).toHaveLength(0);

    // Replaying the feed from the walk's start over what the walk returned gives the table as it is now.
    const copy = new Map(rows.map((o) => [o.id, o]));
    const feed = (await api('GET', `/api/orders/changes?after=${metas[0]!.as_of}&limit=1000`)).json() as {
      data: { kind: string; order: Order }[];
    };
    for (const change of feed.data) {
      if (change.kind === 'deleted') copy.delete(change.order.id);
      else copy.set(change.order.id, change.order);
    }
    const now = await everyOrder();
    expect([...copy.values()].sort((a, b) => a.id - b.id)).toEqual(now);
  });
});
