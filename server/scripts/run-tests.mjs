// `npm test`: every check in one command, in the order a failure is cheapest to find, ending with one
// summary line ("N passed, N failed") that counts unit, integration and end-to-end tests together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name}\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const npx = 'npx';
step('chromium', 'bash', ['server/scripts/ensure-chromium.sh']);
step('typecheck', npx, ['tsc', '-p', 'tsconfig.json']);
step('typecheck (server build)', npx, ['tsc', '-p', 'tsconfig.server.json', '--noEmit']);
step('lint', npx, ['eslint', '.', '--max-warnings', '0']);
step('unit and integration tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const built = step('build', 'npm', ['run', 'build', '--silent']);
if (built && existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  step('end-to-end tests (Chromium)', npx, ['playwright', 'test']);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const e2e = readJson('test-results/e2e.json');
if (e2e?.stats) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  passed += e2e.stats.flaky; // passed on retry; listed above by Playwright
}

process.stdout.write('\n=== summary\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)\n`);
const stepsFailed = results.filter((r) => !r.ok).length;
if (stepsFailed > 0 && failed === 0) failed = stepsFailed; // a failed typecheck or lint is a failure too
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(stepsFailed > 0 ? 1 : 0);
