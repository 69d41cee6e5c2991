import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, parseOrigins, parseTrustProxy } from './env.js';

describe('parseEnv', () => {
  it('fills defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: './data', LOG_LEVEL: 'info' });
  });

  it('converts numbers and treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '8080', LOG_LEVEL: '' })).toMatchObject({ PORT: 8080, LOG_LEVEL: 'info' });
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be integer \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT must be <= 65535/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL must be one of fatal, error/],
  ])('stops on %o with one line naming the variable', (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it('reads the ticker rate (fractions allowed) and the seed size', () => {
    expect(parseEnv({})).toMatchObject({ TICK_RATE: 1, SEED_ORDERS: 50_000 });
    expect(parseEnv({ TICK_RATE: '0.1', SEED_ORDERS: '0' })).toMatchObject({ TICK_RATE: 0.1, SEED_ORDERS: 0 });
    expect(() => parseEnv({ TICK_RATE: '501' })).toThrow(/^Invalid configuration: TICK_RATE must be <= 500/);
    expect(() => parseEnv({ SEED_ORDERS: '-1' })).toThrow(/^Invalid configuration: SEED_ORDERS must be >= 0/);
  });

  it('never echoes a secret it refuses', () => {
    expect(() => parseEnv({ SESSION_SECRET: 'hunter2' })).toThrow(/^Invalid configuration: SESSION_SECRET must not have fewer than 32 characters$/);
  });
});

describe('parseOrigins', () => {
  it('accepts scheme://host[:port] lists', () => {
    expect(parseOrigins('https://a.example, http://localhost:5173/')).toEqual(['https://a.example', 'http://localhost:5173']);
  });
  it('refuses paths and garbage, naming ALLOWED_ORIGINS', () => {
    expect(() => parseOrigins('https://a.example/path')).toThrow(/ALLOWED_ORIGINS/);
    expect(() => parseOrigins('nonsense')).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe('parseTrustProxy', () => {
  it('understands booleans, hop counts and address lists', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('false')).toBe(false);
    const hops = parseTrustProxy('1') as (a: string, i: number) => boolean;
    expect([hops('x', 0), hops('x', 1)]).toEqual([true, false]);
    expect(parseTrustProxy('10.0.0.1, 10.0.0.2')).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});
