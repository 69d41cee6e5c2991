// Kysely's SQLite driver prepares every query afresh. Queries built by Kysely are parameterized, so a server
// runs a small, fixed set of SQL texts: caching their prepared statements removes the prepare from every
// request (it was the largest database cost after the queries themselves).
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';

const MAX_STATEMENTS = 500;

/**
 * Kysely keeps its connection private. A repository with hand-prepared statements asks for it with this query,
 * which the cached connection answers itself; any other database runs it as plain SQL and answers a number.
 */
const CONNECTION_PROBE = 'select 0 as connection';

/** A view of the connection whose `prepare` reuses statements by SQL text (least recently used evicted). */
export function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const probeAnswer = { reader: true, all: () => [{ connection: sqlite }] };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        if (sql === CONNECTION_PROBE) return probeAnswer;
        const cached = cache.get(sql);
        if (cached) {
          cache.delete(sql);
          cache.set(sql, cached);
          return cached;
        }
        const statement = target.prepare(sql);
        cache.set(sql, statement);
        if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
        return statement;
      };
    },
  });
}

/**
 * The SQLite connection behind `db` when it was opened through `withStatementCache`, else undefined. Use it only
 * inside `db.connection().execute(...)`: Kysely's lock is what keeps a read out of another caller's transaction.
 */
export async function sqliteConnectionOf<DB>(db: Kysely<DB>): Promise<SQLite.Database | undefined> {
  const { rows } = await db.executeQuery<{ connection: unknown }>(CompiledQuery.raw(CONNECTION_PROBE));
  const connection = rows[0]?.connection;
  return typeof connection === 'object' && connection !== null ? (connection as SQLite.Database) : undefined;
}

/** Runs `work` with what was prepared on SQLite's connection, or `portable` on any other database. */
export type SqliteOr<T> = <R>(work: (prepared: T) => R, portable: () => Promise<R>) => Promise<R>;

/**
 * Synchronous work on the SQLite connection behind `db`, with statements `prepare`d on it once. Work must not run
 * inside another caller's open transaction: a read would see its uncommitted rows, a write would join it. With none
 * open it runs at once; it is synchronous, so no transaction can begin before it ends. Otherwise it queues for
 * Kysely's connection behind that transaction.
 */
export function sqliteOr<DB, T>(db: Kysely<DB>, prepare: (sqlite: SQLite.Database) => T): SqliteOr<T> {
  let fast: Promise<{ sqlite: SQLite.Database; prepared: T } | undefined> | undefined;
  const ready = () => {
    if (!fast) {
      fast = sqliteConnectionOf(db).then((sqlite) => sqlite && { sqlite, prepared: prepare(sqlite) });
      // A failed probe (the database was closing) is asked again next time.
      fast.catch(() => (fast = undefined));
    }
    return fast;
  };
  return async (work, portable) => {
    const local = await ready();
    if (!local) return portable();
    if (!local.sqlite.inTransaction) return work(local.prepared);
    return db.connection().execute(async () => work(local.prepared));
  };
}
