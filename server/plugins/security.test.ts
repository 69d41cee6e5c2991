import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { isForeignOrigin, recordHeaders } from './security.js';

describe('isForeignOrigin', () => {
  const own = 'http://localhost:3000';
  it('accepts the own origin and allowed ones', () => {
    expect(isForeignOrigin(own, undefined, own, [])).toBe(false);
    expect(isForeignOrigin('https://dash.example', undefined, own, ['https://dash.example'])).toBe(false);
  });
  it('refuses other origins, including another port of the same host', () => {
    expect(isForeignOrigin('https://evil.example', undefined, own, [])).toBe(true);
    expect(isForeignOrigin('http://localhost:4000', undefined, own, [])).toBe(true);
  });
  it('falls back to Sec-Fetch-Site when a browser sends no Origin', () => {
    expect(isForeignOrigin(undefined, 'cross-site', own, [])).toBe(true);
    expect(isForeignOrigin(undefined, 'same-origin', own, [])).toBe(false);
    expect(isForeignOrigin(undefined, undefined, own, [])).toBe(false);
  });
});

describe('recorded security headers', () => {
  it('are the headers helmet sets on a real response', () => {
    const middleware = helmet({ strictTransportSecurity: false });
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.setHeader('x-powered-by', 'something');
    middleware(res.req, res, () => {});
    const recorded = recordHeaders(middleware);
    expect(recorded['content-security-policy']).toContain("default-src 'self'");
    expect(recorded).toEqual(Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k, String(v)])));
  });
});
