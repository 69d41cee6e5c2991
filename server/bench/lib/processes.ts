// Starts the processes a benchmark compares: Switchboard itself (the real entry point, real configuration) and
// its peers, each in its own Node process so neither steals the other's event loop.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';

export interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startProcess(
  args: string[],
  readyPath: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Running> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, child);
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/**
 * Extra Node flags for Switchboard's process, from BENCH_SERVER_ARGS (e.g. `--cpu-prof --cpu-prof-dir=profiles`):
 * Node refuses profiling flags in NODE_OPTIONS, and profiling the server under the benchmark's load is how its
 * costs are found.
 */
const serverArgs = () => (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);

const PEERS_SOURCE = 'server/bench/peers';
const PEERS_BUILT = 'dist/bench-peers';

/**
 * Compiles the server as `npm start` does, and the peers the same way, so every process measured runs plain
 * JavaScript. Through tsx's loader each function also gets its name set at run time (esbuild's keepNames): a
 * few hundred bytes for every closure a connection creates, which is how the app would never run.
 */
export function buildForBench(): void {
  const tsc = join('node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', 'tsconfig.server.json'], { stdio: 'inherit' });
  const peers = readdirSync(PEERS_SOURCE).filter((f) => f.endsWith('.ts')).map((f) => join(PEERS_SOURCE, f));
  const options = ['--ignoreConfig', '--outDir', PEERS_BUILT, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--types', 'node', '--skipLibCheck'];
  execFileSync(tsc, [...options, ...peers], { stdio: 'inherit' });
}

/** A peer of `server/bench/peers/`, compiled by `buildForBench`. */
export async function startPeer(script: string, readyPath: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  return startProcess([join(PEERS_BUILT, basename(script).replace(/\.ts$/, '.js'))], readyPath, port, env);
}

/**
 * Switchboard with a fresh port and quiet defaults. `build`: as `npm start` runs it, the compiled server (see
 * `buildForBench`), which is what the bench measures; `source`: through tsx's loader, for tools that must work
 * without a build (the headless lab).
 */
export async function startSwitchboard(env: Record<string, string>, from: 'build' | 'source' = 'build'): Promise<Running> {
  const port = await freePort();
  const entry = from === 'build' ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
  return startProcess([...serverArgs(), ...entry], '/api/ready', port, {
    LOG_LEVEL: 'warn',
    TICK_RATE: '0',
    SEED_ORDERS: '0',
    RATE_LIMIT_PER_MINUTE: '100000000',
    ADMIN_PASSWORD: 'bench-admin-password',
    CLIENT_DIR: 'no-client-for-benchmarks',
    ...env,
  });
}

export async function signUp(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench password 1' }),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}
