// One headless lab run against a server: the lanes as an ordinary user, the ticker and the faults as the admin,
// then the ticker stopped and every lane given time to reach the head before the figures are read.
import { LabRun, type LabFigures } from '../../../client/features/lab/lanes/lab-run';
import { LANE_FACTORIES } from '../../../client/features/lab/lanes/lane-factories';
import type { LabStats } from '../../contract/lab.js';
import { adminClient, feedHead, labStats, type AdminClient } from './admin-client.js';
import { sleep, waitForLanes } from './catch-up.js';
import { exactDeliveryHeld, fidelityChecks } from './checks.js';
import { createNodeSession } from './node-environment.js';
import { FAULT_AT, STALL_MS, type FaultName, type LabOptions } from './options.js';
import type { AppliedFault, RunDetails } from './report.js';

/** How long the lanes get to connect before the clock starts. */
const OPEN_TIMEOUT_MS = 10_000;
/** Time for the first long poll to reach the server and be held before changes start. */
const LONG_POLL_SETTLE_MS = 250;
/** Beyond one poll interval, how long the lanes get to reach the head at the end. */
const CATCH_UP_GRACE_MS = 5000;

export interface SessionResult {
  figures: LabFigures;
  server: LabStats | null;
  details: RunDetails;
}

async function applyFault(name: FaultName, admin: AdminClient, run: LabRun, headOf: () => Promise<number>): Promise<AppliedFault> {
  const headSeq = await headOf();
  const result = name === 'drop' ? await admin.drop() : await admin.stall(STALL_MS);
  run.markFault(name, headSeq);
  return { name, at: new Date().toISOString(), headSeq, result };
}

const sleepUntil = (at: number) => sleep(Math.max(0, at - Date.now()));

export async function runSession(options: LabOptions, url: string, serverLabel: string, adminPassword: string | undefined, log: (line: string) => void): Promise<SessionResult> {
  const startedAt = new Date().toISOString();
  const notes: string[] = [];
  const user = await createNodeSession(url, options.username ? { username: options.username, password: options.password! } : undefined);
  const admin = adminPassword ? adminClient((await createNodeSession(url, { username: 'admin', password: adminPassword })).env) : undefined;
  if (!admin) notes.push('No admin password: the ticker was left at its rate and no fault was applied.');
  const previousRate = await admin?.rate();
  const run = new LabRun(user.env, LANE_FACTORIES, { pollIntervalMs: options.pollIntervalMs, longPollWaitS: options.longPollWaitS });
  const faults: AppliedFault[] = [];
  const headOf = () => feedHead(user.env);
  try {
    await run.start(options.lanes);
    // A long poll has no answer to show it is open until the first change: it only has to be under way.
    const ready = (l: LabFigures['lanes'][number]) => l.state === 'open' || (l.kind === 'long_poll' && l.state === 'connecting');
    const open = await waitFor(() => run.figures().lanes.every(ready), OPEN_TIMEOUT_MS);
    if (!open) notes.push(`Not every lane was open ${OPEN_TIMEOUT_MS / 1000} s after the start; the run went ahead.`);
    await sleep(LONG_POLL_SETTLE_MS);
    await admin?.setRate(options.rate);
    const started = Date.now();
    const durationMs = options.durationS * 1000;
    log(`running ${options.durationS} s as ${user.username}, ticker ${admin ? `${options.rate}/s` : 'unchanged'}…`);
    const plan = admin ? [...options.faults].sort((a, b) => FAULT_AT[a] - FAULT_AT[b]) : [];
    for (const name of plan) {
      await sleepUntil(started + FAULT_AT[name] * durationMs);
      const applied = await applyFault(name, admin!, run, headOf);
      faults.push(applied);
      log(`${name} at seq ${applied.headSeq}: ${JSON.stringify(applied.result)}`);
    }
    await sleepUntil(started + durationMs);
    await admin?.setRate(0);
    const finalHead = await headOf();
    const caughtUp = await waitForLanes(run, finalHead, options.pollIntervalMs + CATCH_UP_GRACE_MS);
    if (!caughtUp) notes.push(`Not every lane reached seq ${finalHead} within ${options.pollIntervalMs + CATCH_UP_GRACE_MS} ms of the end.`);
    const figures = run.figures();
    const server = await labStats(user.env).catch(() => null);
    const checks = fidelityChecks(figures, finalHead);
    const { adminPassword: _a, password: _p, ...shown } = options;
    return {
      figures,
      server,
      details: { startedAt, server: serverLabel, options: shown, finalHead, caughtUp, faults, checks, exactDeliveryHeld: exactDeliveryHeld(checks), notes },
    };
  } finally {
    run.stop();
    if (admin && previousRate !== undefined) await admin.setRate(previousRate).catch((error: unknown) => log(`could not restore the ticker rate: ${String(error)}`));
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
  return true;
}
