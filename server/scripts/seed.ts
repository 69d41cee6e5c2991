// `npm run seed -- --orders 1000000`: adds N baseline orders to DATA_DIR's database, with a progress bar on
// stderr. Like the first-start seed, it writes no change rows. It commits in chunks and pauses between them, so
// a server running on the same database keeps writing; its clients see the new rows on their next full load.
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../config/env.js';
import { openDatabase } from '../db/open-database.js';
import { seedOrders } from '../orders/seed.js';

const CHUNK = 100_000;
const BAR_WIDTH = 30;

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run seed -- --orders <count> [--data-dir <dir>]\n`);
  process.exit(2);
}

function progress(done: number, total: number, startedAt: number): void {
  const share = total ? done / total : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total} orders, ${seconds} s`;
  // A terminal gets one line redrawn in place; a log file gets a line per chunk.
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { orders: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const count = Number(values.orders);
  if (values.orders === undefined || !Number.isSafeInteger(count) || count < 1) usage('--orders must be a positive integer');
  const dataDir = values['data-dir'] ?? parseEnv().DATA_DIR;

  const database = await openDatabase(dataDir);
  const startedAt = performance.now();
  try {
    progress(0, count, startedAt);
    await seedOrders(database, { count, chunkSize: CHUNK, pauseMs: 50, onProgress: (done) => progress(done, count, startedAt) });
  } finally {
    await database.close();
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}Added ${count} orders to ${dataDir} in ${seconds} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
