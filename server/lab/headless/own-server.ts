// Without --url the runner starts Switchboard itself: the real entry point from source (no build needed) on a free
// loopback port, an empty temporary database with a few seeded orders, no ticker until the run sets it, and an
// admin password made for this run alone.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSwitchboard } from '../../bench/lib/processes.js';

export interface OwnServer {
  url: string;
  adminPassword: string;
  stop(): Promise<void>;
}

export async function startOwnServer(): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-lab-'));
  const adminPassword = randomBytes(18).toString('base64url');
  try {
    const running = await startSwitchboard({ DATA_DIR: dataDir, TICK_RATE: '0', SEED_ORDERS: '200', ADMIN_PASSWORD: adminPassword }, 'source');
    return {
      url: running.url,
      adminPassword,
      async stop() {
        try {
          await running.stop();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
