// Notifications over SSE: one admin broadcast fanned out to 1,000 and to 5,000 open streams, against a minimal
// Node SSE broadcaster measured in the same run, phase by phase, so a machine that gets busier meanwhile weighs
// on both alike; the memory an idle stream holds; and a 30 s soak at 200 events/s (notifications-soak.ts).
// A user may hold 10 streams, so 5,000 streams take 500 accounts, signed up at the full argon2 cost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STREAMS_PER_USER_MAX } from '../../contract/notifications.js';
import { fixed, ratio, verdict, type Row } from '../lib/table.js';
import type { SuiteOptions, SuiteResult } from '../lib/suite.js';
import { freePort, signUp, startPeer, startSwitchboard, type Running } from '../lib/processes.js';
import { startSsePool, type SsePool } from '../lib/sse-pool.js';
import { fanOut, fanOutInterleaved, idleStreamBytes, mapLimit, openFileLimit, openStreams, type FanOut, type IdleStreamBytes, type Target } from '../lib/fan-out.js';
import { inspectOption } from '../lib/inspector.js';
import { complete, soak } from './notifications-soak.js';

const SMALL = 1000;
const LARGE = 5000;
/** argon2 at full cost takes ~0.25 s of both cores per account; more at once only queues in libuv. */
const SIGN_UP_CONCURRENCY = 4;

const n = (v: number) => v.toLocaleString('en');
const deliveryNote = (name: string, f: FanOut) =>
  `${name}, ${n(f.streams)} streams: ${f.delivery.events} broadcasts, ${n(f.delivery.delivered)} of ${n(f.delivery.expected)} deliveries, ` +
  `${f.delivery.duplicates} duplicates, ${f.delivery.lost} streams lost, ${fixed(f.cpuMs, 0)} ms server CPU`;

const turnRatios = (a: FanOut, b: FanOut) =>
  (a.turns ?? []).map((us, i) => `${fixed(us / (b.turns?.[i] ?? Number.NaN), 2)}×`).join(', ');

async function logIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Switchboard with its admin signed in, and the accounts behind its streams, signed up as they are needed. */
async function switchboardTarget(app: Running) {
  const admin = await logIn(app.url, 'admin', 'bench-admin-password');
  const accounts: string[] = [];
  let signUpMs = 0;
  const target: Target = {
    name: 'switchboard',
    pid: app.pid,
    streamUrl: `${app.url}/api/notifications/stream`,
    readyMarker: 'event: unread',
    trigger: { url: `${app.url}/api/notifications`, headers: { cookie: admin }, body: { to: 'all', body: '', level: 'info' } },
  };
  async function cookiesFor(streams: number): Promise<string[]> {
    const wanted = Math.ceil(streams / STREAMS_PER_USER_MAX);
    const started = performance.now();
    const numbers = Array.from({ length: Math.max(0, wanted - accounts.length) }, (_, i) => accounts.length + i);
    accounts.push(...(await mapLimit(numbers, SIGN_UP_CONCURRENCY, (i) => signUp(app.url, `bench_sse_${i}`))));
    signUpMs += performance.now() - started;
    return accounts.slice(0, wanted).flatMap((cookie) => Array<string>(STREAMS_PER_USER_MAX).fill(cookie));
  }
  return { target, cookiesFor, signUps: () => ({ accounts: accounts.length, seconds: signUpMs / 1000 }) };
}

function peerTarget(peer: Running): Target {
  return {
    name: 'minimal SSE',
    pid: peer.pid,
    streamUrl: `${peer.url}/stream`,
    readyMarker: 'retry:',
    trigger: { url: `${peer.url}/broadcast`, headers: {}, body: { body: '', level: 'info' } },
  };
}

/** Slices of the 1,000-stream measurement: the two servers take turns five times each. */
const SLICES = 5;

/** Both servers with their streams open at once, each in its own client pool, measured in turns. */
async function fanOutSideBySide(pool: SsePool, lanes: { target: Target; cookies: string[] }[]): Promise<FanOut[]> {
  const second = startSsePool();
  const pools = [pool, second];
  try {
    const opened = lanes.map((lane, i) => ({ pool: pools[i]!, target: lane.target }));
    for (const [i, lane] of lanes.entries()) await openStreams(pools[i]!, lane.target, lane.cookies);
    return await fanOutInterleaved(opened, SLICES);
  } finally {
    await Promise.all(pools.map((p) => p.close(0)));
    await second.stop();
  }
}

async function idleThenFanOut(pool: SsePool, target: Target, cookies: string[], inspectPort: number): Promise<{ idleBytes: IdleStreamBytes; large: FanOut }> {
  const idleBytes = await idleStreamBytes(pool, target, cookies, inspectPort);
  const large = await fanOut(pool, target);
  await pool.close(0);
  return { idleBytes, large };
}

const kib = (bytes: number) => `${fixed(bytes / 1024, 1)} KiB`;

function rows(ours: Record<'small' | 'large', FanOut>, peer: Record<'small' | 'large', FanOut>, idle: { ours: IdleStreamBytes; peer: IdleStreamBytes }): Row[] {
  const out: Row[] = [];
  for (const size of ['small', 'large'] as const) {
    const [a, b] = [ours[size], peer[size]];
    const cpuRatio = a.cpuUsPerEvent / b.cpuUsPerEvent;
    const targeted = size === 'small';
    const label = `fan-out to ${n(size === 'small' ? SMALL : LARGE)} streams`;
    out.push(
      { measure: `${label}: server CPU per delivered event`, ours: `${fixed(a.cpuUsPerEvent)} µs`, peer: `${fixed(b.cpuUsPerEvent)} µs`, ratio: ratio(cpuRatio), target: targeted ? '≤ 1.2×' : 'reported', result: targeted ? verdict(cpuRatio <= 1.2 && complete(a.delivery)) : '-' },
      { measure: `${label}: delivery latency p50 / p99`, ours: `${fixed(a.delivery.p50Ms)} / ${fixed(a.delivery.p99Ms)} ms`, peer: `${fixed(b.delivery.p50Ms)} / ${fixed(b.delivery.p99Ms)} ms`, ratio: ratio(a.delivery.p99Ms / b.delivery.p99Ms), target: 'reported', result: '-' },
    );
  }
  // The target is judged on what the streams hold: both servers collected right before each reading. Without the
  // collections the delta is mostly how much garbage happened to be waiting at each reading: the same build read
  // 10–18 KiB a stream from one run to the next (docs/decisions/005-notifications-over-sse.md).
  const held = (b: IdleStreamBytes) => b.rssCollected ?? b.rss;
  const memRatio = held(idle.ours) / held(idle.peer);
  out.push({ measure: `memory per idle open stream (RSS delta after full collections / ${n(LARGE)})`, ours: kib(held(idle.ours)), peer: kib(held(idle.peer)), ratio: ratio(memRatio), target: '≤ 1.2×', result: verdict(memRatio <= 1.2) });
  out.push({ measure: `memory per idle open stream (RSS delta as the process stands / ${n(LARGE)})`, ours: kib(idle.ours.rss), peer: kib(idle.peer.rss), ratio: ratio(idle.ours.rss / idle.peer.rss), target: 'reported', result: '-' });
  if (idle.ours.heap !== undefined && idle.peer.heap !== undefined) {
    out.push({ measure: `memory per idle open stream (live heap after full collections / ${n(LARGE)})`, ours: kib(idle.ours.heap), peer: kib(idle.peer.heap), ratio: ratio(idle.ours.heap / idle.peer.heap), target: 'reported', result: '-' });
  }
  return out;
}

export async function notificationsSuite(_options: SuiteOptions): Promise<SuiteResult> {
  const title = 'Notifications over SSE (fan-out vs a minimal Node SSE broadcaster)';
  const needed = LARGE + 500;
  const fdLimit = openFileLimit();
  if (fdLimit < needed) {
    return { title, rows: [], notes: [`not run: the open-file limit is ${fdLimit}; ${n(LARGE)} streams need ${needed} (raise it with \`ulimit -n ${needed}\`)`] };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const pool = startSsePool();
  const running: Running[] = [];
  try {
    const inspectPort = await freePort();
    const app = await startSwitchboard({ DATA_DIR: dataDir, REGISTRATIONS_PER_HOUR: '1000000', NODE_OPTIONS: inspectOption(inspectPort) });
    running.push(app);
    // The peer is under an inspector too, so both can be asked for full collections before memory is read.
    const peerInspectPort = await freePort();
    const peerProcess = await startPeer('minimal-sse.ts', '/health', { NODE_OPTIONS: inspectOption(peerInspectPort) });
    running.push(peerProcess);
    const sb = await switchboardTarget(app);
    const peer = peerTarget(peerProcess);
    const none = (streams: number) => Array<string>(streams).fill('');

    // Every account is signed up before anything is measured, so both servers come to the idle reading the same way,
    // straight from the fan-out at 1,000 streams (a minute of sign-ups in between left Switchboard's heap collected
    // and the peer's not, which moved the uncollected reading by half).
    const largeCookies = await sb.cookiesFor(LARGE);
    const [oursSmall, peerSmall] = (await fanOutSideBySide(pool, [
      { target: sb.target, cookies: await sb.cookiesFor(SMALL) },
      { target: peer, cookies: none(SMALL) },
    ])) as [FanOut, FanOut];
    const oursLarge = await idleThenFanOut(pool, sb.target, largeCookies, inspectPort);
    const peerLarge = await idleThenFanOut(pool, peer, none(LARGE), peerInspectPort);
    await peerProcess.stop();
    await openStreams(pool, sb.target, await sb.cookiesFor(SMALL));
    const soaked = await soak(pool, sb.target, inspectPort);

    const { accounts, seconds } = sb.signUps();
    const ours = { small: oursSmall, large: oursLarge.large };
    const theirs = { small: peerSmall, large: peerLarge.large };
    return {
      title,
      rows: [...rows(ours, theirs, { ours: oursLarge.idleBytes, peer: peerLarge.idleBytes }), ...soaked.rows],
      notes: [
        `${accounts} accounts signed up at the full argon2 cost in ${fixed(seconds, 1)} s, ${STREAMS_PER_USER_MAX} streams each; ` +
          'a broadcast is stored once (one row whatever the number of accounts) and counted unread for each account; ' +
          'the soak\'s 1,000 streams are those of 100 accounts. At 1,000 streams both servers have their streams open ' +
          `at once and are measured in turns (${SLICES} slices each, alternating); at 5,000, one after the other`,
        ...(['small', 'large'] as const).flatMap((size) => [deliveryNote('ours', ours[size]), deliveryNote('minimal SSE', theirs[size])]),
        `CPU ratio at 1,000 streams turn by turn: ${turnRatios(oursSmall, peerSmall)} (the machine is shared: each turn's ` +
          'own figures move by tens of percent, which is why the two servers take turns)',
        ...soaked.notes,
      ],
    };
  } finally {
    await pool.close(0).catch(() => undefined);
    await Promise.all([...running.map((r) => r.stop()), pool.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
