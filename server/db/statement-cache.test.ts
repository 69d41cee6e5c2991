import { describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteConnectionOf, withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  it('reuses the prepared statement for the same SQL and still runs queries correctly', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    db.exec('create table t (x integer)');
    const insert = db.prepare('insert into t (x) values (?)');
    expect(db.prepare('insert into t (x) values (?)')).toBe(insert);
    insert.run(1);
    db.prepare('insert into t (x) values (?)').run(2);
    expect(db.prepare('select sum(x) as s from t').get()).toEqual({ s: 3 });
    expect(db.open).toBe(true);
    db.close();
  });

  it('hands its connection to whoever asks through Kysely, and only its own', async () => {
    const sqlite = new SQLite(':memory:');
    const cached = new Kysely<unknown>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    expect(await sqliteConnectionOf(cached)).toBe(sqlite);
    const plain = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    expect(await sqliteConnectionOf(plain)).toBeUndefined();
    await Promise.all([cached.destroy(), plain.destroy()]);
  });
});
