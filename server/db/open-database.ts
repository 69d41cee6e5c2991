// Opens the embedded SQLite database and brings its schema up to date.
// The rest of the server sees only a Kysely instance, so a PostgreSQL dialect can replace this file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export interface OpenDatabase {
  db: Kysely<Database>;
  /** A cheap round trip, for readiness checks. */
  ping(): Promise<boolean>;
  /**
   * Runs `load` on the engine's own connection while no Kysely query can interleave. For bulk loads only: one
   * prepared statement reused in a synchronous loop inserts several times faster than building, compiling and
   * preparing a query per row. A PostgreSQL backend would offer COPY here.
   */
  bulk<T>(load: (sqlite: SQLite.Database) => T): Promise<T>;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function openDatabase(dataDir: string): Promise<OpenDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(join(dataDir, 'switchboard.db'));
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the user is told it happened (NORMAL may lose the last
  // transactions on power loss in WAL mode).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }

  return {
    db,
    async ping() {
      try {
        return sqlite.prepare('select 1 as ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    // Kysely's SQLite driver serialises access to its single connection; holding it keeps the load atomic.
    bulk: (load) => db.connection().execute(async () => load(sqlite)),
    close: () => db.destroy(),
  };
}
