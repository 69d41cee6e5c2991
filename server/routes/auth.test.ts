import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cookieFrom, registerUser, uniqueName, ADMIN_PASSWORD, type TestApp } from '../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_ATTEMPTS_PER_5_MIN: 3 });
});
afterAll(() => t.close());

const userCount = async () => (await t.app.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('register', () => {
  it('creates the account, signs in and answers 201 with the user', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'Carol.Smith', password: 'long enough' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'carol.smith', role: 'user' });
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookieFrom(cookie) } });
    expect(me.json()).toMatchObject({ username: 'carol.smith' });
  });

  it('refuses a username that differs only in case with 409', async () => {
    await registerUser(t.app, 'dave');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'DAVE', password: 'long enough' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'username_taken', status: 409 });
  });

  it('stores the password as an argon2id hash', async () => {
    const { username, password } = await registerUser(t.app);
    const row = await t.app.repos.users.findByUsername(username);
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain(password);
  });

  it.each([
    ['missing fields', {}, ['body.username', 'body.password']],
    ['a short username', { username: 'ab', password: 'long enough' }, ['body.username']],
    ['bad characters', { username: 'a b!', password: 'long enough' }, ['body.username']],
    ['a short password', { username: 'erin', password: 'short' }, ['body.password']],
    ['wrong types', { username: 42, password: ['x'] }, ['body.username', 'body.password']],
    ['unknown fields', { username: 'frank', password: 'long enough', role: 'admin' }, ['body.role']],
  ])('refuses %s with a 400 problem naming the field, and writes nothing', async (_name, payload, fields) => {
    const before = await userCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ code: 'validation_failed', status: 400, type: '/api/problems/validation_failed' });
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
    expect(await userCount()).toBe(before);
  });
});

describe('reserved usernames', () => {
  it.each(['all', 'ALL', 'All'])('refuses %s, which means every user to the send form, with a 400 problem naming the field', async (username) => {
    const before = await userCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username, password: 'long enough' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      status: 400,
      type: '/api/problems/validation_failed',
      errors: [{ field: 'body.username', message: 'is reserved' }],
    });
    expect(await userCount()).toBe(before);
  });

  it('still accepts names that only contain it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'alla', password: 'long enough' } });
    expect(res.statusCode).toBe(201);
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_json' });
  });

  it('answers what the router refuses before any route as a problem, without echoing the path', async () => {
    for (const [url, status] of [
      ['/api/orders/%E0%A4%A', 400],
      ['/api/orders%zz', 400],
      [`/api/orders/${'9'.repeat(5000)}`, 414],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url.slice(0, 40)).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'bad_request', status });
      expect(res.body.length).toBeLessThan(400);
    }
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { username: 'big', password: 'x'.repeat(100_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers a form-encoded body with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=a&password=b' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses a write from a foreign Origin with 403 and writes nothing', async () => {
    const before = await userCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'mallory', password: 'long enough' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'foreign_origin' });
    expect(await userCount()).toBe(before);
  });

  it('accepts a write from its own Origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      payload: { username: uniqueName('own'), password: 'long enough' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('sign in and sessions', () => {
  it('signs in with the right password and out again; the old cookie then stops working', async () => {
    const { username, password } = await registerUser(t.app);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: username.toUpperCase(), password } });
    expect(login.statusCode).toBe(200);
    const cookie = cookieFrom(login.headers['set-cookie']);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('gives the same 401 for an unknown user and a wrong password', async () => {
    const { username } = await registerUser(t.app);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'not the password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody_here', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().code).toBe('invalid_credentials');
  });

  it('answers 429 with Retry-After after repeated failures, even for the right password', async () => {
    const { username, password } = await registerUser(t.app);
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong password' } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
    expect(blocked.json().retryAfter).toBeGreaterThan(0);
  });

  it('does not count successful sign-ins against the limit', async () => {
    const { username, password } = await registerUser(t.app);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      expect(r.statusCode).toBe(200);
    }
  });

  it('refuses a forged cookie with 401 and clears it', async () => {
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: 'sb_session=forged.signature' } });
    expect(res.statusCode).toBe(401);
    expect(String(res.headers['set-cookie'])).toMatch(/sb_session=;/);
  });

  it('refuses an expired session with 401', async () => {
    const { cookie } = await registerUser(t.app);
    await t.app.db.updateTable('sessions').set({ expires_at: Date.now() - 1 }).execute();
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/session has ended/);
  });

  it('has an admin account whose password is ADMIN_PASSWORD', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'admin', role: 'admin' });
  });
});
