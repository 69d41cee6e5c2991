import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, apiRequest, apiRequestWithHeaders } from './api-client';
import { ApiError, NetworkError } from './api-error';

const problemResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends JSON with same-origin credentials and returns the parsed body', async () => {
    const fetchMock = stubFetch(Response.json({ id: 1, username: 'ada', role: 'user' }, { status: 201 }));
    const user = await apiRequest('/api/auth/register', { method: 'POST', body: { username: 'ada', password: 'x' } });
    expect(user).toEqual({ id: 1, username: 'ada', role: 'user' });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/register',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: JSON.stringify({ username: 'ada', password: 'x' }),
      }),
    );
  });

  it('returns undefined for 204 No Content', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('parses a problem into a typed ApiError', async () => {
    stubFetch(
      problemResponse(400, {
        type: '/api/problems/validation_failed',
        title: 'The request is not valid',
        status: 400,
        detail: 'The username is not valid.',
        code: 'validation_failed',
        errors: [{ field: 'body.username', message: 'Use 3–32 characters.' }],
        requestId: 'req-1',
      }),
    );
    const error = await rejectionOf(apiRequest('/api/auth/register', { method: 'POST', body: {} }));
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.message).toBe('The username is not valid.');
    expect(apiError.problem.errors).toEqual([{ field: 'body.username', message: 'Use 3–32 characters.' }]);
  });

  it('takes retryAfter from the Retry-After header when the problem lacks it', async () => {
    stubFetch(
      problemResponse(
        429,
        {
          type: '/api/problems/rate_limited',
          title: 'Too many requests',
          status: 429,
          detail: 'Slow down.',
          code: 'rate_limited',
        },
        { 'Retry-After': '30' },
      ),
    );
    const error = (await rejectionOf(apiRequest('/api/auth/login'))) as ApiError;
    expect(error.code).toBe('rate_limited');
    expect(error.problem.retryAfter).toBe(30);
  });

  it('synthesises a problem when a proxy answers without one', async () => {
    stubFetch(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const error = (await rejectionOf(apiRequest('/api/health'))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('internal');
    expect(error.problem.detail).toBe('The server answered 502 Bad Gateway.');
  });

  it('maps an unauthenticated status without a body to its code', async () => {
    stubFetch(new Response(null, { status: 401 }));
    const error = (await rejectionOf(apiRequest('/api/auth/me'))) as ApiError;
    expect(error.code).toBe('unauthenticated');
  });

  it('turns a failed fetch into a NetworkError that says the server cannot be reached', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = await rejectionOf(apiRequest('/api/health'));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/cannot reach the server/i);
  });

  it('lets an abort through unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    stubFetch(abort);
    await expect(apiRequest('/api/health', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('sends extra headers such as If-Match', async () => {
    const fetchMock = stubFetch(Response.json({ id: 3, version: 5 }));
    await api.patch('/api/orders/3', { status: 'paid' }, { 'If-Match': '"4"' });
    const init = fetchMock.mock.calls[0]?.at(1) as RequestInit | undefined;
    expect(init?.method).toBe('PATCH');
    expect(init?.headers).toMatchObject({ 'If-Match': '"4"', 'Content-Type': 'application/json' });
  });
});

describe('apiRequestWithHeaders', () => {
  it('returns the body together with the response headers', async () => {
    stubFetch(Response.json({ data: [] }, { headers: { 'Server-Timing': 'db;dur=1.5' } }));
    const { data, headers } = await apiRequestWithHeaders<{ data: unknown[] }>('/api/orders');
    expect(data).toEqual({ data: [] });
    expect(headers.get('server-timing')).toBe('db;dur=1.5');
  });

  it('fails the same way as apiRequest', async () => {
    stubFetch(
      problemResponse(404, {
        type: '/api/problems/not_found',
        title: 'Not found',
        status: 404,
        detail: 'No order 9.',
        code: 'not_found',
      }),
    );
    const error = await rejectionOf(apiRequestWithHeaders('/api/orders/9'));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not_found');
  });
});
