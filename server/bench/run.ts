// `npm run bench [-- --orders N --seconds S]`: every benchmark runs its peer in the same run and reports ratios,
// because the machines are shared and noisy. Prints tables and writes them to bench-results/<timestamp>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from './lib/table.js';
import { ordersSuite, type SuiteResult } from './suites/orders.js';

const { values } = parseArgs({
  options: { orders: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '5' } },
  strict: true,
});
const orders = Number(values.orders);
const seconds = Number(values.seconds);
if (!Number.isSafeInteger(orders) || orders < 1000) throw new Error('--orders must be an integer ≥ 1000');
if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds must be between 0 and 60');

const results: SuiteResult[] = [];
results.push(await ordersSuite({ orders, seconds }));

let report = `# Switchboard benchmarks\n\nNode ${process.version}, ${new Date().toISOString()}\n\n`;
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
