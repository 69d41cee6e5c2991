// `npm run lab -- --rate 20 --poll 1000 --wait 25 --duration 30 [--url …] [--faults drop,stall] [--lanes …]`:
// the lab without a browser. The same lanes and recorder as the page, under Node, against a server this runner
// starts on loopback (or the one --url names). Prints the comparison and the fidelity checks, saves them, and
// exits 1 when a change was lost, repeated or reordered.
import { exactDeliveryHeld } from './checks.js';
import { runSession } from './lab-session.js';
import { HELP, parseOptions, USAGE, type LabOptions } from './options.js';
import { startOwnServer, type OwnServer } from './own-server.js';
import { formatReport, writeResults } from './report.js';

/** Beyond the run itself, the most the runner may take (start-up, sign-in, catch-up, shutdown) before it gives up. */
const OVERHEAD_BUDGET_MS = 180_000;

const log = (line: string) => process.stderr.write(`${line}\n`);

let own: OwnServer | undefined;
let finishing = false;

/** Stops the server this runner started, whatever way the run ends, then exits. */
async function finish(code: number): Promise<never> {
  if (!finishing) {
    finishing = true;
    await own?.stop().catch((error: unknown) => log(`could not stop the server: ${String(error)}`));
  }
  process.exit(code);
}

async function main(options: LabOptions): Promise<number> {
  if (!options.url) {
    log('starting Switchboard on loopback…');
    own = await startOwnServer();
  }
  const url = options.url ?? own!.url;
  const { figures, server, details } = await runSession(options, url, options.url ?? `${url} (started by the runner)`, options.adminPassword ?? own?.adminPassword, log);
  const report = formatReport(figures, details);
  process.stdout.write(`\n${report}`);
  const dir = writeResults(options.out, figures, server, details, report);
  log(`written to ${dir}`);
  return exactDeliveryHeld(details.checks) ? 0 : 1;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`usage: ${USAGE}\n\n${HELP}`);
  process.exit(0);
}

let options: LabOptions;
try {
  options = parseOptions(args);
} catch (error) {
  log(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`);
  process.exit(1);
}

const watchdog = setTimeout(() => {
  log(`the run took longer than ${options.durationS} s plus ${OVERHEAD_BUDGET_MS / 1000} s: giving up`);
  void finish(1);
}, options.durationS * 1000 + OVERHEAD_BUDGET_MS);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void finish(130));

main(options).then(
  (code) => finish(code),
  (error: unknown) => {
    log(`lab run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return finish(1);
  },
);
