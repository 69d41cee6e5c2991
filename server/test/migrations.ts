// For migration tests: a database file migrated only up to (not including) a given migration, to be written in
// that older schema and then opened by the app, which migrates it to the latest. Removed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { onTestFinished } from 'vitest';
import { migrations } from '../db/migrations/index.js';

export async function databaseBefore(migration: string): Promise<{ dir: string; old: Kysely<unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), `migration-${migration}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const sqlite = new SQLite(join(dir, 'switchboard.db'));
  sqlite.pragma('foreign_keys = ON');
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < migration));
  const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => before } }).migrateToLatest();
  if (error) throw error;
  return { dir, old };
}
