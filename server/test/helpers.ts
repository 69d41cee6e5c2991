// Builds a real app on a fresh temporary data directory. Tests talk to it through `inject`, or listen on an
// ephemeral port when a real client (Socket.IO, EventSource) is needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type AppConfig } from '../app.js';
import { parseEnv } from '../config/env.js';
import { openDatabase, type OpenDatabase } from '../db/open-database.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  app: App;
  dataDir: string;
  close(): Promise<void>;
}

export async function buildTestApp(overrides: Partial<AppConfig> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, CLIENT_DIR: join(dir, 'no-client') });
  const app = await buildApp(
    // No ticker and no seed unless a test asks: tests write the orders they count.
    { ...env, ADMIN_PASSWORD, SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789', TICK_RATE: 0, SEED_ORDERS: 0, ...overrides },
    { logger: false },
  );
  return {
    app,
    dataDir: dir,
    async close() {
      await app.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error('no Set-Cookie header');
  return first.split(';')[0]!;
}

let counter = 0;
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${process.pid % 10000}_${counter}`;
}

export async function registerUser(app: App, username = uniqueName(), password = 'correct horse battery') {
  const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { username, password } });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return { username, password, cookie: cookieFrom(res.headers['set-cookie']), user: res.json() as { id: number } };
}

export async function loginAdmin(app: App): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.statusCode} ${res.body}`);
  return cookieFrom(res.headers['set-cookie']);
}

/** Listens on an ephemeral port, for clients that need real HTTP (event streams, Socket.IO); returns the base URL. */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The integers from `from` to `to`, both included: the seqs a stream must deliver. */
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

let orderCounter = 0;
/** Writes one order through the orders service (so it enters the change feed) and returns the new feed head. */
export async function writeOrder(app: App): Promise<number> {
  orderCounter += 1;
  await app.orders.create({ customer: `Customer ${orderCounter}`, item: 'Widget', amount_cents: 100 + orderCounter });
  return app.orders.head();
}

/** A migrated database alone (no app) in a fresh temporary directory; `dispose` closes it and removes the files. */
export async function tempDatabase(label: string): Promise<{ database: OpenDatabase; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `switchboard-${label}-`));
  const database = await openDatabase(dir);
  return {
    database,
    async dispose() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
