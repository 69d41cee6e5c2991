// The three servers of the chat benchmark, started once and kept for every round: Switchboard with its users
// and room ready, Socket.IO's own chat example, and a raw `ws` relay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatTarget } from './chat-protocol.js';
import { signUp, startPeer, startSwitchboard, type Running } from './processes.js';

export interface ChatServer {
  name: string;
  running: Running;
  target: ChatTarget;
  stop(): Promise<void>;
}

const SIGN_UP_CONCURRENCY = 4;

async function signUpMany(url: string, count: number): Promise<string[]> {
  const cookies = new Array<string>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      cookies[i] = await signUp(url, `chat_bench_${i}`);
    }
  };
  await Promise.all(Array.from({ length: SIGN_UP_CONCURRENCY }, lane));
  return cookies;
}

async function createRoom(url: string, cookie: string): Promise<number> {
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (res.status !== 201) throw new Error(`creating the room failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/**
 * Switchboard on a fresh database, with `users` accounts (one session cookie each) and one public room. The
 * accounts are made by a first process that is then stopped: argon2 leaves the allocator holding memory, which
 * would make the clients' memory look smaller in the process that signed them up.
 */
export async function startSwitchboardChat(users: number): Promise<ChatServer & { setupMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const env = { DATA_DIR: dataDir, REGISTRATIONS_PER_HOUR: String(users * 10) };
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  let cookies: string[];
  let roomId: number;
  const setup = await startSwitchboard(env);
  try {
    cookies = await signUpMany(setup.url, users);
    roomId = await createRoom(setup.url, cookies[0]!);
  } catch (error) {
    removeData();
    throw error;
  } finally {
    await setup.stop();
  }
  const running = await startSwitchboard(env).catch((error: unknown) => {
    removeData();
    throw error;
  });
  const stop = async () => {
    await running.stop();
    removeData();
  };
  const setupMs = performance.now() - started;
  return { name: 'Switchboard', running, target: { kind: 'switchboard', url: running.url, roomId, cookies }, stop, setupMs };
}

export async function startChatPeer(name: string, script: string, kind: 'socketio' | 'ws', env: Record<string, string> = {}): Promise<ChatServer> {
  const running = await startPeer(script, '/ready', env);
  return { name, running, target: { kind, url: running.url }, stop: () => running.stop() };
}
