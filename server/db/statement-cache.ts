// Kysely's SQLite driver prepares every query afresh. Queries built by Kysely are parameterized, so a server
// runs a small, fixed set of SQL texts: caching their prepared statements removes the prepare from every
// request (it was the largest database cost after the queries themselves).
import type SQLite from 'better-sqlite3';

const MAX_STATEMENTS = 500;

/** A view of the connection whose `prepare` reuses statements by SQL text (least recently used evicted). */
export function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
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
