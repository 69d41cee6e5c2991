// Notifications over REST: the list and its cursor, read state, deletes, isolation between users, admin
// broadcasts and settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, NotificationList } from '../contract/notifications.js';
import { buildTestApp, loginAdmin, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await loginAdmin(t.app);
});
afterAll(() => t.close());

type User = Awaited<ReturnType<typeof registerUser>>;

const as = (cookie: string) => ({
  get: (url: string) => t.app.inject({ url, headers: { cookie } }),
  post: (url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload && { payload }) }),
  put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { cookie }, payload }),
  del: (url: string) => t.app.inject({ method: 'DELETE', url, headers: { cookie } }),
});

async function give(user: User, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { lastId } = await t.app.notify([user.user.id], { kind: 'broadcast', title: `Note ${i + 1}`, body: 'Body', level: 'info' });
    ids.push(lastId);
  }
  return ids;
}

async function list(user: User, query = ''): Promise<NotificationList> {
  const res = await as(user.cookie).get(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('listing', () => {
  it('needs a session', async () => {
    for (const url of ['/api/notifications', '/api/notifications/unread-count', '/api/notifications/settings']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('pages newest first with an opaque cursor, and filters unread', async () => {
    const user = await registerUser(t.app);
    const ids = await give(user, 5);
    const first = await list(user, '?limit=2');
    expect(first.data.map((n) => n.id)).toEqual([ids[4], ids[3]]);
    expect(first.meta).toEqual({ limit: 2, has_more: true, next_cursor: String(ids[3]) });
    expect(first.data[0]).toEqual({
      id: ids[4],
      kind: 'broadcast',
      title: 'Note 5',
      body: 'Body',
      link: null,
      level: 'info',
      created_at: expect.any(Number),
      read_at: null,
    });
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const page: NotificationList = await list(user, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.data.map((n) => n.id));
      cursor = page.meta.next_cursor;
    } while (cursor);
    expect(walked).toEqual([...ids].reverse());
    expect((await list(user)).meta).toEqual({ limit: 20, has_more: false, next_cursor: null });

    expect((await as(user.cookie).post(`/api/notifications/${ids[1]}/read`)).statusCode).toBe(204);
    const unread = await list(user, '?unread=true');
    expect(unread.data.map((n) => n.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
  });

  it.each([
    ['?limit=0', 'query.limit'],
    ['?limit=101', 'query.limit'],
    ['?cursor=abc', 'query.cursor'],
    ['?cursor=0', 'query.cursor'],
    ['?cursor=-5', 'query.cursor'],
    ['?unread=maybe', 'query.unread'],
    ['?page=2', 'query.page'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await as(admin).get(`/api/notifications${query}`);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });
});

describe('read state and deletes', () => {
  it('counts unread, marks one and all read, keeping the first read time', async () => {
    const user = await registerUser(t.app);
    const api = as(user.cookie);
    const ids = await give(user, 3);
    expect((await api.get('/api/notifications/unread-count')).json()).toEqual({ count: 3 });
    expect((await api.post(`/api/notifications/${ids[0]}/read`)).statusCode).toBe(204);
    const firstRead = (await list(user)).data.find((n) => n.id === ids[0])!.read_at;
    expect(firstRead).toEqual(expect.any(Number));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await api.post(`/api/notifications/${ids[0]}/read`)).statusCode).toBe(204);
    expect((await list(user)).data.find((n) => n.id === ids[0])!.read_at).toBe(firstRead);
    expect((await api.get('/api/notifications/unread-count')).json()).toEqual({ count: 2 });

    const all = await api.post('/api/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ count: 2 });
    expect((await api.post('/api/notifications/read-all')).json()).toEqual({ count: 0 });
    expect((await api.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it('deletes, and a deleted notification is gone', async () => {
    const user = await registerUser(t.app);
    const [id] = await give(user, 1);
    expect((await as(user.cookie).del(`/api/notifications/${id}`)).statusCode).toBe(204);
    expect((await list(user)).data).toEqual([]);
    expect((await as(user.cookie).del(`/api/notifications/${id}`)).statusCode).toBe(404);
    expect((await as(user.cookie).post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
  });

  it("answers 404 for another user's notification, exactly as for one that does not exist", async () => {
    const owner = await registerUser(t.app);
    const other = await registerUser(t.app);
    const [id] = await give(owner, 1);
    const theirs = [await as(other.cookie).post(`/api/notifications/${id}/read`), await as(other.cookie).del(`/api/notifications/${id}`)];
    const missing = [await as(other.cookie).post('/api/notifications/999999/read'), await as(other.cookie).del('/api/notifications/999999')];
    for (const res of [...theirs, ...missing]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    expect(theirs.map((r) => r.json().title)).toEqual(missing.map((r) => r.json().title));
    expect((await as(other.cookie).post('/api/notifications/read-all')).json()).toEqual({ count: 0 });
    const kept = (await list(owner)).data;
    expect(kept.map((n: Notification) => [n.id, n.read_at])).toEqual([[id, null]]);
    expect((await list(other)).data).toEqual([]);
  });

  it('refuses ids that are not positive integers', async () => {
    const user = await registerUser(t.app);
    for (const id of ['abc', '0', '-1', '1.5']) {
      expect((await as(user.cookie).post(`/api/notifications/${id}/read`)).statusCode).toBe(400);
      expect((await as(user.cookie).del(`/api/notifications/${id}`)).statusCode).toBe(400);
    }
  });
});

describe('admin broadcasts', () => {
  it('sends to one user by name, case-insensitively', async () => {
    const user = await registerUser(t.app);
    const res = await as(admin).post('/api/notifications', { to: user.username.toUpperCase(), title: 'Maintenance', body: 'Tonight', level: 'warning', link: '/data?status=paid' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ recipients: 1 });
    expect((await list(user)).data[0]).toMatchObject({ kind: 'broadcast', title: 'Maintenance', body: 'Tonight', level: 'warning', link: '/data?status=paid' });
  });

  it('sends to every user with "all", with the defaults for body and level', async () => {
    const user = await registerUser(t.app);
    const users = await t.app.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await as(admin).post('/api/notifications', { to: 'all', title: 'Hello everyone' });
    expect(res.json()).toEqual({ recipients: Number(users.n) });
    expect((await list(user)).data[0]).toMatchObject({ title: 'Hello everyone', body: '', level: 'info', link: null });
  });

  it('is for admins only, and names an unknown user with a 404', async () => {
    const user = await registerUser(t.app);
    const refused = await as(user.cookie).post('/api/notifications', { to: 'all', title: 'Hi' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications', payload: { to: 'all', title: 'Hi' } })).statusCode).toBe(401);
    const unknown = await as(admin).post('/api/notifications', { to: 'nobody_here', title: 'Hi' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', detail: 'There is no user nobody_here.' });
  });

  it.each([
    [{ to: 'all', title: '' }, 'body.title'],
    [{ to: 'all', title: '   ' }, 'body.title'],
    [{ to: 'all', title: 'x'.repeat(121) }, 'body.title'],
    [{ to: 'all', title: 'Hi', body: 'x'.repeat(2001) }, 'body.body'],
    [{ to: 'all', title: 'Hi', level: 'fatal' }, 'body.level'],
    [{ to: 'all', title: 'Hi', link: 'https://evil.example' }, 'body.link'],
    [{ to: 'all', title: 'Hi', link: '//evil.example' }, 'body.link'],
    [{ to: 'all', title: 'Hi', link: '/\\evil.example' }, 'body.link'],
    [{ to: 'all', title: 'Hi', link: 'javascript:alert(1)' }, 'body.link'],
    [{ to: 'all', title: 'Hi', color: 'red' }, 'body.color'],
    [{ title: 'Hi' }, 'body.to'],
  ])('refuses %j with a 400 naming %s', async (payload, field) => {
    const res = await as(admin).post('/api/notifications', payload);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });

  it('takes 100 notifications from an admin in a few seconds', async () => {
    const user = await registerUser(t.app);
    const codes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => as(admin).post('/api/notifications', { to: user.username, title: `Burst ${i}` }).then((r) => r.statusCode)),
    );
    expect(codes.every((c) => c === 201)).toBe(true);
    expect((await as(user.cookie).get('/api/notifications/unread-count')).json()).toEqual({ count: 100 });
  });
});

describe('settings', () => {
  it('starts with order events off and toasts on, and keeps what is saved', async () => {
    const user = await registerUser(t.app);
    const api = as(user.cookie);
    expect((await api.get('/api/notifications/settings')).json()).toEqual({
      order_large: false,
      order_large_threshold_cents: 100000,
      order_cancelled: false,
      order_refunded: false,
      toasts: true,
    });
    const chosen = { order_large: true, order_large_threshold_cents: 50000, order_cancelled: false, order_refunded: true, toasts: false };
    const saved = await api.put('/api/notifications/settings', chosen);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(chosen);
    expect((await api.get('/api/notifications/settings')).json()).toEqual(chosen);
  });

  it.each([
    [{ order_large: true }, 'body.order_large_threshold_cents'],
    [{ order_large: true, order_large_threshold_cents: 0, order_cancelled: true, order_refunded: true, toasts: true }, 'body.order_large_threshold_cents'],
    [{ order_large: 'yes', order_large_threshold_cents: 100, order_cancelled: true, order_refunded: true, toasts: true }, 'body.order_large'],
    [{ order_large: true, order_large_threshold_cents: 100, order_cancelled: true, order_refunded: true, toasts: true, sound: true }, 'body.sound'],
  ])('refuses %j with a 400 naming %s', async (payload, field) => {
    const res = await as(admin).put('/api/notifications/settings', payload);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });
});
