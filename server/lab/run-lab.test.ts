// `npm run lab` end to end: the runner starts its own server, runs every lane through the drop fault, prints the
// tables, writes the results and exits 0 because nothing was lost, repeated or reordered.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'switchboard-lab-results-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runLab(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/lab/headless/run-lab.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('runs a short lab, prints both tables and writes the results', async () => {
  const { code, stdout, stderr } = await runLab(['--duration', '4', '--rate', '20', '--poll', '250', '--faults', 'drop', '--out', out]);
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toContain('### Comparison');
  expect(stdout).toMatch(/\| lane +\| events +\| missing +\| duplicates +\| out of order +\| p50 ms/);
  for (const lane of ['Short polling', 'Long polling', 'Server-Sent Events', 'WebSocket (Socket.IO)']) expect(stdout).toContain(`| ${lane}`);
  expect(stdout).toContain('drop recovery ms');
  expect(stdout).toContain('### Fidelity checks');
  expect(stdout).toMatch(/\| every seq exactly once, in order +\| Short polling +\|.*\| met +\|/);
  expect(stdout).toContain('Exact delivery: held.');
  expect(stdout).toMatch(/Clock offset: [+-]\d/);

  const [dir] = readdirSync(out);
  expect(readdirSync(join(out, dir!)).sort()).toEqual(['results.csv', 'results.json', 'results.md']);
  expect(readFileSync(join(out, dir!, 'results.md'), 'utf8')).toContain('### Fidelity checks');
  const results = JSON.parse(readFileSync(join(out, dir!, 'results.json'), 'utf8')) as {
    format: string;
    figures: { lanes: { kind: string; missing: { count: number }; faults: { name: string; lost: number }[] }[] };
    run: { exactDeliveryHeld: boolean; faults: { name: string }[]; options: Record<string, unknown> };
  };
  expect(results.format).toBe('switchboard-lab/1');
  expect(results.run).toMatchObject({ exactDeliveryHeld: true, faults: [{ name: 'drop' }], options: { durationS: 4, rate: 20 } });
  expect(results.figures.lanes.map((l) => l.kind).sort()).toEqual(['long_poll', 'poll', 'sse', 'websocket']);
  for (const lane of results.figures.lanes) expect(lane).toMatchObject({ missing: { count: 0 }, faults: [{ name: 'drop', lost: 0 }] });
}, 120_000);

it('explains itself on --help and exits 0, and names a wrong option before the usage', async () => {
  const help = await runLab(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^usage: npm run lab -- /);
  for (const option of ['--rate', '--poll', '--wait', '--duration', '--faults', '--lanes', '--url', '--admin-password', '--user', '--out']) {
    expect(help.stdout).toContain(`  ${option} `);
  }
  const wrong = await runLab(['--speed', '9']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/Unknown option '--speed'[\s\S]*usage: npm run lab/);
});

