// The platform around the features: health, readiness, problems, OpenAPI, metrics, ETags, compression,
// security headers and the global rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildTestApp, registerUser, type TestApp } from '../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('answers liveness with {"status":"ok"}', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness when the database answers', async () => {
    const res = await t.app.inject({ url: '/api/ready' });
    expect(res.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });
});

describe('problems', () => {
  it('turns unknown API routes into 404 problems', async () => {
    const res = await t.app.inject({ url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: '/api/problems/not_found', title: 'Not found', status: 404, code: 'not_found' });
  });

  it('resolves a problem type URI to its description', async () => {
    const res = await t.app.inject({ url: '/api/problems/rate_limited' });
    expect(res.json()).toEqual({ code: 'rate_limited', status: 429, title: 'Too many requests' });
    expect((await t.app.inject({ url: '/api/problems/nope' })).statusCode).toBe(404);
  });

  it('hides internals of a 5xx and gives the request id instead', async () => {
    const broken = await buildTestApp();
    broken.app.get('/api/broken', async () => {
      throw new Error('secret database detail');
    });
    const res = await broken.app.inject({ url: '/api/broken', headers: { 'x-request-id': 'req-123' } });
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json()).toMatchObject({ code: 'internal', requestId: 'req-123' });
    expect(res.headers['x-request-id']).toBe('req-123');
  });
});

describe('OpenAPI', () => {
  it('publishes a valid OpenAPI 3.1 document that lists the routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/health']));
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('serves interactive docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('HTTP hygiene', () => {
  it('tags GET JSON with an ETag and answers 304 when it matches', async () => {
    const { cookie } = await registerUser(t.app);
    const first = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await t.app.inject({ url: '/api/auth/me', headers: { cookie, 'if-none-match': `"other", ${etag}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('never tags errors or writes', async () => {
    const res = await t.app.inject({ url: '/api/auth/me' });
    expect(res.headers.etag).toBeUndefined();
    const post = await t.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(post.headers.etag).toBeUndefined();
  });

  it('compresses large JSON responses', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('sends API data the API security headers, on errors too, and documents the page policy', async () => {
    for (const url of ['/api/health', '/api/no-such-route', '/api/notifications']) {
      const res = await t.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    }
    // The interactive API docs are a page: the page's policy, which lets its own scripts and styles run.
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('keeps CORS closed to origins that are not allowed', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('exposes Prometheus metrics with latency histograms and connections by transport', async () => {
    await t.app.inject({ url: '/api/health' });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.body).toContain('switchboard_http_request_duration_seconds_bucket');
    expect(res.body).toContain('switchboard_open_connections{transport="websocket"}');
    expect(res.body).toContain('switchboard_process_cpu_seconds_total');
  });
});

describe('global rate limit', () => {
  it('answers 429 problems with Retry-After past the limit', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_PER_MINUTE: 5 });
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await limited.app.inject({ url: '/api/problems/internal' });
      codes.push(last.statusCode);
    }
    await limited.close();
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last!.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('CORS allows configured origins', async () => {
    const open = await buildTestApp({ ALLOWED_ORIGINS: 'https://dash.example' });
    const res = await open.app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'https://dash.example', 'access-control-request-method': 'POST' } });
    const other = await open.app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    await open.close();
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBe('https://dash.example');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });
});
