// CPU time and resident memory of another process, read from /proc (Linux): a benchmark measures the server it
// loads from the outside, so the load generator's own work never counts against the server.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_S = 100; // USER_HZ on every Linux build Node supports
const PAGE_SIZE = 4096;

export interface ProcessUsage {
  /** User + system CPU time since the process started, in milliseconds. */
  cpuMs: number;
  /** Resident set size, in bytes. */
  rssBytes: number;
}

export function processUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields we need follow its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuMs: ((utime + stime) * 1000) / CLOCK_TICKS_PER_S, rssBytes: rssPages * PAGE_SIZE };
}

/** CPU milliseconds a process spent while `work` ran. */
export async function cpuDuring<T>(pid: number, work: () => Promise<T>): Promise<{ cpuMs: number; result: T }> {
  const before = processUsage(pid).cpuMs;
  const result = await work();
  return { cpuMs: processUsage(pid).cpuMs - before, result };
}
