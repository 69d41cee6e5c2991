// Data over REST, over 1,000,000 orders: cursor depth vs first page, page mode at the same depth, the real
// route's throughput against a bare Fastify route, json-server on the same kind of data, and the feed's 304 path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fixed, ratio, verdict, type Row } from '../lib/table.js';
import type { SuiteOptions, SuiteResult } from '../lib/suite.js';
import { sequentialLatency, throughput, type Throughput } from '../lib/load.js';
import { freePort, signUp, startPeer, startProcess, startSwitchboard } from '../lib/processes.js';
import { cpuDuring } from '../lib/process-usage.js';
import { sampleCustomer, sampleLine, seededRandom } from '../../orders/sample-data.js';


async function json<T>(url: string, headers: Record<string, string>): Promise<{ body: T; res: Response }> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return { body: (await res.json()) as T, res };
}

interface CursorPage {
  data: { id: number }[];
  meta: { next_cursor: string | null; has_more: boolean };
}

/** Walks every cursor page (checking no row repeats) and returns the cursor of the last one. */
async function walkToLastCursor(url: string, headers: Record<string, string>, limit: number) {
  const seen = new Set<number>();
  let cursor: string | null = null;
  let lastCursor = '';
  let pages = 0;
  for (;;) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const { body }: { body: CursorPage } = await json<CursorPage>(`${url}/api/orders?limit=${limit}${query}`, headers);
    pages += 1;
    for (const row of body.data) {
      if (seen.has(row.id)) throw new Error(`cursor walk repeated order ${row.id}`);
      seen.add(row.id);
    }
    if (!body.meta.has_more || !body.meta.next_cursor) break;
    lastCursor = body.meta.next_cursor;
    cursor = body.meta.next_cursor;
  }
  return { lastCursor, pages, rows: seen.size };
}

function writeJsonServerDb(path: string, count: number): void {
  const random = seededRandom(7);
  const now = Date.now();
  const orders = Array.from({ length: count }, (_, i) => {
    const line = sampleLine(random);
    const at = now - (count - i) * 60_000;
    return { id: i + 1, created_at: at, updated_at: at, customer: sampleCustomer(random), ...line, status: 'paid', version: 1 };
  });
  writeFileSync(path, JSON.stringify({ orders }));
}

/**
 * On a shared machine the request rates move with whatever else runs; the CPU the server process spent per answer
 * moves much less, so it is noted beside them.
 */
function cpuPerRequest({ cpuMs, result }: { cpuMs: number; result: Throughput }, seconds: number): string {
  const answered = result.requestsPerSecond * seconds;
  return answered > 0 ? `${fixed((cpuMs * 1000) / answered, 0)} µs` : '-';
}

/** Reused-answer lookups so far, from the server's own metrics. */
async function lookups(url: string): Promise<{ hit: number; miss: number }> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const count = (result: string) => Number(new RegExp(`switchboard_answer_cache_lookups_total\\{result="${result}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
  return { hit: count('hit'), miss: count('miss') };
}

export async function ordersSuite(options: SuiteOptions): Promise<SuiteResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const notes: string[] = [];
  const rows: Row[] = [];
  const started = performance.now();
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'server/scripts/seed.ts', '--orders', String(options.orders), '--data-dir', dataDir], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (seed.status !== 0) throw new Error('seeding failed');
  notes.push(`seeded ${options.orders.toLocaleString('en')} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The ticker writes at its default rate (1/s), as `npm start` runs it: every write ends the reuse of every answer.
  const live = { DATA_DIR: dataDir, TICK_RATE: '1' };
  const bare = await startPeer('bare-fastify.ts', '/orders');
  let peer: { cpuMs: number; result: Throughput } | undefined;
  try {
    const app = await startSwitchboard(live);
    try {
      const cookie = await signUp(app.url, 'bench_orders');
      const headers = { cookie, 'accept-encoding': 'gzip' };

      // Depth: cursor mode's last page against its first; page mode at the same depth.
      const limit = 100;
      const walk = await walkToLastCursor(app.url, { cookie }, limit);
      notes.push(`cursor walk: ${walk.pages} pages, ${walk.rows.toLocaleString('en')} distinct rows, no repeats`);
      const firstCursor = await sequentialLatency(`${app.url}/api/orders?limit=${limit}`, headers);
      const lastCursor = await sequentialLatency(`${app.url}/api/orders?limit=${limit}&cursor=${encodeURIComponent(walk.lastCursor)}`, headers);
      const firstPage = await sequentialLatency(`${app.url}/api/orders?page=1&page_size=${limit}`, headers, 50);
      const lastPage = await sequentialLatency(`${app.url}/api/orders?page=${walk.pages}&page_size=${limit}`, headers, 50);
      const cursorRatio = lastCursor.p50Ms / firstCursor.p50Ms;
      rows.push(
        { measure: 'cursor mode: last page / first page (p50)', ours: `${fixed(lastCursor.p50Ms)} / ${fixed(firstCursor.p50Ms)} ms`, peer: '-', ratio: ratio(cursorRatio), target: '≤ 1.5×', result: verdict(cursorRatio <= 1.5) },
        { measure: 'page mode: last page / first page (p50)', ours: `${fixed(lastPage.p50Ms)} / ${fixed(firstPage.p50Ms)} ms`, peer: '-', ratio: ratio(lastPage.p50Ms / firstPage.p50Ms), target: 'reported', result: '-' },
      );

      // Throughput: the real route (session, validation, database, compression) against the bare route.
      const before = await lookups(app.url);
      const real = await cpuDuring(app.pid, () => throughput(`${app.url}/api/orders?limit=50`, { headers, seconds: options.seconds }));
      const after = await lookups(app.url);
      peer = await cpuDuring(bare.pid, () => throughput(`${bare.url}/orders`, { headers: { 'accept-encoding': 'gzip' }, seconds: options.seconds }));
      notes.push(`server CPU per request, limit=50: ${cpuPerRequest(real, options.seconds)} here, ${cpuPerRequest(peer, options.seconds)} bare`);
      const [hits, misses] = [after.hit - before.hit, after.miss - before.miss];
      notes.push(`limit=50 with the ticker writing 1 order/s: ${hits.toLocaleString('en')} answers reused, ${misses.toLocaleString('en')} read afresh`);
      const restRatio = real.result.requestsPerSecond / peer.result.requestsPerSecond;
      rows.push({ measure: 'GET /api/orders?limit=50 throughput vs bare Fastify', ours: `${fixed(real.result.requestsPerSecond, 0)} req/s`, peer: `${fixed(peer.result.requestsPerSecond, 0)} req/s`, ratio: ratio(restRatio), target: '≥ 0.25×', result: verdict(restRatio >= 0.25) });
    } finally {
      await app.stop();
    }

    // The same request with answer reuse off: every answer read from the database, serialized, hashed and compressed.
    // No ticker here, so that the change feed stands still for its 304 path.
    const fresh = await startSwitchboard({ DATA_DIR: dataDir, ANSWER_CACHE_MB: '0' });
    try {
      const cookie = await signUp(fresh.url, 'bench_orders_fresh');
      const cold = await cpuDuring(fresh.pid, () => throughput(`${fresh.url}/api/orders?limit=50`, { headers: { cookie, 'accept-encoding': 'gzip' }, seconds: options.seconds }));
      notes.push(`server CPU per request, limit=50, reuse off: ${cpuPerRequest(cold, options.seconds)}`);
      const peerRate = peer!.result.requestsPerSecond;
      const coldRatio = cold.result.requestsPerSecond / peerRate;
      rows.push({ measure: 'the same, answer reuse off (every answer read afresh)', ours: `${fixed(cold.result.requestsPerSecond, 0)} req/s`, peer: `${fixed(peerRate, 0)} req/s`, ratio: ratio(coldRatio), target: '≥ 0.25×', result: verdict(coldRatio >= 0.25) });

      // The change feed's 304 path: a conditional request for a feed that has not moved.
      const feed = await fetch(`${fresh.url}/api/orders/changes?after=0`, { headers: { cookie } });
      const etag = feed.headers.get('etag') ?? '';
      await feed.arrayBuffer();
      const notModified = await throughput(`${fresh.url}/api/orders/changes?after=0`, { headers: { cookie, 'if-none-match': etag }, seconds: options.seconds, expectStatus: 304 });
      const feedRatio = notModified.requestsPerSecond / peerRate;
      rows.push({ measure: 'change feed 304 path vs bare Fastify', ours: `${fixed(notModified.requestsPerSecond, 0)} req/s`, peer: `${fixed(peerRate, 0)} req/s`, ratio: ratio(feedRatio), target: '≥ 0.5×', result: verdict(feedRatio >= 0.5) });
    } finally {
      await fresh.stop();
    }
  } finally {
    await bare.stop();
  }

  // json-server on 100,000 orders, the same page request on both.
  const jsonCount = Math.min(options.orders, 100_000);
  const jsonDb = join(dataDir, 'json-server-db.json');
  writeJsonServerDb(jsonDb, jsonCount);
  const jsonPort = await freePort();
  const jsonServer = await startProcess(['node_modules/json-server/lib/cli/bin.js', jsonDb, '--port', String(jsonPort), '--host', '127.0.0.1', '--quiet'], '/orders?_page=1&_limit=1', jsonPort);
  const smallDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const page = Math.floor(jsonCount / 50 / 2);
  const pageUrl = `/api/orders?page=${page}&page_size=50&sort=id&order=asc`;
  try {
    const theirs = await cpuDuring(jsonServer.pid, () => throughput(`${jsonServer.url}/orders?_page=${page}&_limit=50`, { seconds: options.seconds }));
    for (const reuse of [true, false]) {
      const small = await startSwitchboard({ DATA_DIR: smallDir, SEED_ORDERS: String(jsonCount), TICK_RATE: '1', ...(reuse ? {} : { ANSWER_CACHE_MB: '0' }) });
      try {
        const cookie = await signUp(small.url, reuse ? 'bench_json' : 'bench_json_fresh');
        const ours = await cpuDuring(small.pid, () => throughput(`${small.url}${pageUrl}`, { headers: { cookie }, seconds: options.seconds }));
        notes.push(`server CPU per request, page ${page}${reuse ? '' : ', reuse off'}: ${cpuPerRequest(ours, options.seconds)} here, ${cpuPerRequest(theirs, options.seconds)} json-server`);
        const jsonRatio = ours.result.requestsPerSecond / theirs.result.requestsPerSecond;
        rows.push(
          reuse
            ? { measure: `page ${page} of 50 over ${jsonCount.toLocaleString('en')} orders vs json-server`, ours: `${fixed(ours.result.requestsPerSecond, 0)} req/s`, peer: `${fixed(theirs.result.requestsPerSecond, 0)} req/s`, ratio: ratio(jsonRatio), target: '≥ 100×', result: verdict(jsonRatio >= 100) }
            : { measure: 'the same, answer reuse off', ours: `${fixed(ours.result.requestsPerSecond, 0)} req/s`, peer: `${fixed(theirs.result.requestsPerSecond, 0)} req/s`, ratio: ratio(jsonRatio), target: '≥ 100×', result: verdict(jsonRatio >= 100) },
        );
      } finally {
        await small.stop();
      }
    }
  } finally {
    await jsonServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(smallDir, { recursive: true, force: true });
  }
  return { title: `Data over REST (${options.orders.toLocaleString('en')} orders)`, rows, notes };
}
