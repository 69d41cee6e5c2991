import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { getMe } from './get-me';

afterEach(() => {
  vi.unstubAllGlobals();
});

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: `/api/problems/${code}`, title: code, status, detail: code, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

describe('getMe', () => {
  it('returns the signed-in user', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ id: 7, username: 'ada', role: 'admin' })));
    await expect(getMe()).resolves.toEqual({ id: 7, username: 'ada', role: 'admin' });
  });

  it('treats unauthenticated as signed out, not as an error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(401, 'unauthenticated')));
    await expect(getMe()).resolves.toBeNull();
  });

  it('still fails on real errors', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(500, 'internal')));
    await expect(getMe()).rejects.toBeInstanceOf(ApiError);
  });
});
