// `npm run bench [-- --suite orders,notifications --orders N --seconds S]`: every benchmark runs its peer in the
// same run and reports ratios, because the machines are shared and noisy. Prints tables and writes them to
// bench-results/<timestamp>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildForBench } from './lib/processes.js';
import { formatTable } from './lib/table.js';
import type { SuiteOptions, SuiteResult } from './lib/suite.js';

/** Every suite, in the order a full run takes them. Each one starts and stops its own processes. */
const SUITES: Record<string, (options: SuiteOptions) => Promise<SuiteResult>> = {
  orders: async (o) => (await import('./suites/orders.js')).ordersSuite(o),
  notifications: async (o) => (await import('./suites/notifications.js')).notificationsSuite(o),
  chat: async (o) => (await import('./suites/chat.js')).chatSuite(o),
  lab: async (o) => (await import('./suites/lab.js')).labSuite(o),
};

const USAGE = `usage: npm run bench [-- --suite ${Object.keys(SUITES).join(',')}] [--orders N] [--seconds S]`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    `${USAGE}\n\n` +
      'Runs each suite against its peer in the same run and prints ratios (the machines are shared and noisy).\n' +
      '  --suite LIST   which suites, in this order (default all)\n' +
      '  --orders N     orders seeded for the orders suite (default 1000000, at least 1000)\n' +
      '  --seconds S    measuring time per orders case (default 5, at most 60)\n' +
      'Tables go to standard output and to bench-results/<timestamp>/.\n',
  );
  process.exit(0);
}

/** A wrong option is a usage message and exit code 2, not a stack trace. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: { suite: string; orders: string; seconds: string };
try {
  ({ values } = parseArgs({
    options: {
      suite: { type: 'string', default: Object.keys(SUITES).join(',') },
      orders: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '5' },
    },
    strict: true,
  }));
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}
const orders = Number(values.orders);
const seconds = Number(values.seconds);
if (!Number.isSafeInteger(orders) || orders < 1000) refuse('--orders must be an integer ≥ 1000');
if (!(seconds > 0 && seconds <= 60)) refuse('--seconds must be between 0 and 60');
const chosen = values.suite.split(',').map((s) => s.trim()).filter(Boolean);
for (const name of chosen) {
  if (!SUITES[name]) refuse(`unknown suite "${name}"; known: ${Object.keys(SUITES).join(', ')}`);
}

process.stdout.write('compiling the server and the peers…\n');
buildForBench();
const results: SuiteResult[] = [];
for (const name of chosen) {
  process.stdout.write(`running ${name}…\n`);
  results.push(await SUITES[name]!({ orders, seconds }));
}

let report =
  `# Switchboard benchmarks\n\nNode ${process.version}, ${new Date().toISOString()}. Every server measured runs compiled ` +
  'JavaScript, as `npm start` runs Switchboard.\n\n';
for (const r of results) {
  report += formatTable(r.title, r.rows);
  for (const note of r.notes) report += `- ${note}\n`;
  report += '\n';
}
process.stdout.write(`\n${report}`);
const dir = join('bench-results', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'results.md'), report);
writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2));
process.stdout.write(`written to ${dir}\n`);
