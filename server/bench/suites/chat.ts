// Chat over Socket.IO: 1,000 clients in one room and one message every 50 ms for 10 s (200 messages, 200,000
// deliveries), on Switchboard, on Socket.IO's own chat example (also made to relay frames as large as ours) and on
// a raw `ws` relay. The server's CPU is read from outside (/proc) over the send window and the drain after it, and
// divided by the deliveries that arrived, so a server that drops messages does not look cheaper. The machine is
// shared and noisy, so every server keeps its clients and the servers take turns for several rounds; each is judged
// by its best round, since noise from other work only ever adds CPU.
import { availableParallelism, loadavg } from 'node:os';
import { fixed, ratio, verdict, type Row } from '../lib/table.js';
import type { SuiteOptions, SuiteResult } from '../lib/suite.js';
import { percentile } from '../lib/load.js';
import { processUsage } from '../lib/process-usage.js';
import { openChatPool, type ChatPool, type PoolReport, type RunOutcome } from '../lib/chat-pool.js';
import { startChatPeer, startSwitchboardChat, type ChatServer } from '../lib/chat-servers.js';
import { messageText, wallClockMs } from '../lib/chat-protocol.js';
import type { Message } from '../../contract/chat.js';

const CLIENTS = 1000;
/** Ten sockets per user, as ten tabs: the server sets no per-user socket limit and argon2 makes sign-ups slow. */
const USERS = 100;
/** Senders take turns because Switchboard allows a user 10 messages per 5 s; each one sends once a second. */
const SENDERS = 20;
const MESSAGES = 200;
const INTERVAL_MS = 50;
/** Receiving 20,000 Socket.IO messages a second takes several processes on a small machine. */
const RECEIVER_WORKERS = 4;
const ROUNDS = 5;
const CPU_TARGET = 1.1;

interface Connected {
  server: ChatServer;
  pool: ChatPool;
  connectMs: number;
  rssPerClientBytes: number;
}

interface Round {
  run: RunOutcome;
  report: PoolReport;
  cpuMs: number;
  loadCpuMs: number;
}

/**
 * One delivery's frame as Socket.IO writes it: Switchboard's `message:new` (the stored message: ids, seq, author,
 * client id, times, version) and the chat example's relayed text, for the same text.
 */
function frameBytes(): { ours: number; bare: number } {
  const text = messageText('r1', MESSAGES - 1, wallClockMs());
  const at = Date.now();
  const message: Message = {
    id: 1_000_000, room_id: 1, seq: 1000, author: { id: USERS, username: `chat_bench_${USERS - 1}` }, text,
    client_id: `r1-${MESSAGES - 1}`, created_at: at, edited_at: null, deleted_at: null, version: 1000,
  };
  return {
    ours: Buffer.byteLength(`42/chat,${JSON.stringify(['message:new', message])}`),
    bare: Buffer.byteLength(`42${JSON.stringify(['chat message', text])}`),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connect(server: ChatServer): Promise<Connected> {
  const { pid } = server.running;
  const rssBefore = processUsage(pid).rssBytes;
  const started = performance.now();
  const pool = await openChatPool(server.target, { clients: CLIENTS, senders: SENDERS, receiverWorkers: RECEIVER_WORKERS, messages: MESSAGES });
  const connectMs = performance.now() - started;
  await pause(1000); // handshakes and joins settle before memory is read
  return { server, pool, connectMs, rssPerClientBytes: (processUsage(pid).rssBytes - rssBefore) / CLIENTS };
}

async function round({ server, pool }: Connected, tag: string): Promise<Round> {
  const { pid } = server.running;
  const loadCpu = () => pool.pids.reduce((sum, p) => sum + processUsage(p).cpuMs, 0);
  const cpuBefore = processUsage(pid).cpuMs;
  const loadBefore = loadCpu();
  const run = await pool.run(INTERVAL_MS, tag);
  const cpuMs = processUsage(pid).cpuMs - cpuBefore;
  const loadCpuMs = loadCpu() - loadBefore;
  return { run, report: await pool.report(), cpuMs, loadCpuMs };
}

const usPerDelivery = (r: Round) => (r.cpuMs * 1000) / r.run.delivered;
const best = (rounds: Round[]) => rounds.reduce((a, b) => (usPerDelivery(b) < usPerDelivery(a) ? b : a));
const kib = (bytes: number) => `${fixed(bytes / 1024, 1)} KiB`;
const latency = (r: Round, q: number) => percentile(Array.from(r.report.latenciesMs), q);
const deliveries = (rounds: Round[]) => {
  const short = rounds.filter((r) => r.run.delivered < r.run.expected).length;
  return `${rounds.reduce((n, r) => n + r.run.delivered, 0).toLocaleString('en')} of ${rounds.reduce((n, r) => n + r.run.expected, 0).toLocaleString('en')}${short ? ` (${short} rounds short)` : ''}`;
};
const complete = (r: Round) =>
  r.run.delivered === r.run.expected && r.report.duplicates === 0 && r.report.unreadable === 0 && r.run.rejected === 0;

type Measured = Connected & { rounds: Round[] };

function rowsFor(ours: Measured, bare: Measured, sized: Measured, raw: Measured): Row[] {
  const [o, b, s, w] = [best(ours.rounds), best(bare.rounds), best(sized.rounds), best(raw.rounds)];
  const cpuRatio = usPerDelivery(o) / usPerDelivery(b);
  const rows: Row[] = [
    { measure: 'server CPU per delivered message vs bare Socket.IO', ours: `${fixed(usPerDelivery(o))} µs`, peer: `${fixed(usPerDelivery(b))} µs`, ratio: ratio(cpuRatio), target: `≤ ${CPU_TARGET}×`, result: verdict(cpuRatio <= CPU_TARGET) },
    { measure: 'the same, bare Socket.IO relaying frames as large as ours', ours: `${fixed(usPerDelivery(o))} µs`, peer: `${fixed(usPerDelivery(s))} µs`, ratio: ratio(usPerDelivery(o) / usPerDelivery(s)), target: 'reported', result: '-' },
    { measure: 'server CPU per delivered message vs raw ws (floor)', ours: `${fixed(usPerDelivery(o))} µs`, peer: `${fixed(usPerDelivery(w))} µs`, ratio: ratio(usPerDelivery(o) / usPerDelivery(w)), target: 'reported', result: '-' },
  ];
  for (const [name, peer] of [['bare Socket.IO', b], ['raw ws', w]] as const) {
    for (const q of [50, 99]) {
      rows.push({ measure: `delivery latency p${q} vs ${name}`, ours: `${fixed(latency(o, q))} ms`, peer: `${fixed(latency(peer, q))} ms`, ratio: ratio(latency(o, q) / latency(peer, q)), target: 'reported', result: '-' });
    }
  }
  for (const [name, peer] of [['bare Socket.IO', bare], ['raw ws', raw]] as const) {
    rows.push({ measure: `server memory per connected client vs ${name}`, ours: kib(ours.rssPerClientBytes), peer: kib(peer.rssPerClientBytes), ratio: ratio(ours.rssPerClientBytes / peer.rssPerClientBytes), target: 'reported', result: '-' });
  }
  rows.push({ measure: `deliveries, all ${ROUNDS} rounds: every message to every client once`, ours: deliveries(ours.rounds), peer: `${deliveries(bare.rounds)} (bare), ${deliveries(raw.rounds)} (ws)`, ratio: '-', target: 'all, none twice', result: verdict(ours.rounds.every(complete)) });
  return rows;
}

function serverNote({ server, connectMs, rounds }: Connected & { rounds: Round[] }): string {
  const parts = rounds.map(
    (r, i) =>
      `round ${i + 1}: ${fixed(usPerDelivery(r))} µs/delivery (server ${fixed(r.cpuMs, 0)} ms, load generator ${fixed(r.loadCpuMs, 0)} ms), ` +
      `p50/p99 ${fixed(latency(r, 50), 1)}/${fixed(latency(r, 99), 1)} ms, window + drain ${(r.run.elapsedMs / 1000).toFixed(2)} s` +
      `${r.run.stalled ? ' (deliveries stalled)' : ''}, ${r.run.rejected} refused${r.run.rejections.length ? ` (${r.run.rejections.join(', ')})` : ''}, ` +
      `${r.report.duplicates} duplicates, ${r.report.unreadable} unreadable`,
  );
  return `${server.name}: clients connected${server.target.kind === 'switchboard' ? ' and joined' : ''} in ${(connectMs / 1000).toFixed(1)} s; ${parts.join('; ')}`;
}

export async function chatSuite(_options: SuiteOptions): Promise<SuiteResult> {
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  const loadAtStart = load();
  const ours = await startSwitchboardChat(USERS);
  const servers: ChatServer[] = [ours];
  const connected: Connected[] = [];
  try {
    const frames = frameBytes();
    servers.push(await startChatPeer('bare Socket.IO', 'server/bench/peers/bare-socketio.ts', 'socketio'));
    servers.push(
      await startChatPeer('bare Socket.IO, frames as large as ours', 'server/bench/peers/bare-socketio.ts', 'socketio', {
        RELAY_PAD_BYTES: String(Math.max(0, frames.ours - frames.bare - 3)), // `,"…"` after the text
      }),
    );
    servers.push(await startChatPeer('raw ws', 'server/bench/peers/raw-ws.ts', 'ws'));
    // One server's clients at a time, so each server's memory is read while only its own clients arrive.
    for (const server of servers) connected.push(await connect(server));
    const measured = connected.map((c) => ({ ...c, rounds: [] as Round[] }));
    // Each round starts with the next server, so none always follows the same one.
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < measured.length; i++) {
        const m = measured[(r + i) % measured.length]!;
        m.rounds.push(await round(m, `r${r + 1}`));
      }
    }
    const [o, b, s, w] = measured as [Measured, Measured, Measured, Measured];
    const notes = [
      `setup: ${USERS} Switchboard accounts and the room, then a fresh server on that database, in ${(ours.setupMs / 1000).toFixed(1)} s; ` +
        `${CLIENTS} clients per server (${USERS} users × ${CLIENTS / USERS} sockets on Switchboard), kept for every round`,
      `${SENDERS} senders (distinct users on Switchboard) take turns, ${MESSAGES} messages ${INTERVAL_MS} ms apart; clients in ` +
        `${RECEIVER_WORKERS + 1} processes per server, WebSocket transport only; ${ROUNDS} rounds, servers in turn (rotated), each one's best round shown`,
      `CPU ratio to bare Socket.IO round by round: ${o.rounds.map((r, i) => ratio(usPerDelivery(r) / usPerDelivery(b.rounds[i]!))).join(', ')}; ` +
        `to the same with frames as large as ours: ${o.rounds.map((r, i) => ratio(usPerDelivery(r) / usPerDelivery(s.rounds[i]!))).join(', ')}`,
      ...measured.map(serverNote),
      `Switchboard checks, stores (SQLite, synchronous commit) and relays the stored message object (${frames.ours} bytes a frame); ` +
        `the chat example relays the bare text (${frames.bare} bytes), the raw ws relay the text alone`,
      `machine load average (1/5/15 min): ${loadAtStart} at the start, ${load()} at the end, on ${availableParallelism()} cores; latency suffers first when it exceeds them`,
    ];
    return { title: `Chat over Socket.IO (${CLIENTS.toLocaleString('en')} clients, one room, ${MESSAGES} messages)`, rows: rowsFor(o, b, s, w), notes };
  } finally {
    await Promise.all(connected.map((c) => c.pool.close()));
    await Promise.all(servers.map((s) => s.stop()));
  }
}
