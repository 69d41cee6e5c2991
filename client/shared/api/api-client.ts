// The one way the client talks HTTP to its own origin. The session lives in an httpOnly cookie, so every call
// sends same-origin credentials; the page never sees or stores a token.
import { ApiError, NetworkError } from './api-error';
import { problemFromResponse } from './problem-from-response';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `If-Match` for a conditional write. */
  headers?: Record<string, string>;
}

/** A parsed body with the headers it came with, for callers that read metadata such as Server-Timing. */
export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    // An abort is the caller's decision (React Query cancelling), not a connectivity problem.
    if (signal?.aborted) throw error;
    throw new NetworkError({ cause: error });
  }

  if (!response.ok) throw new ApiError(await problemFromResponse(response));
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
  return (await response.json()) as T;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options));
}

/** Like `apiRequest`, and also hands back the response headers. */
export async function apiRequestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await send(path, options);
  return { data: await readJson<T>(response), headers: response.headers };
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    apiRequest<T>(path, { method: 'PATCH', body, headers }),
  delete: <T = void>(path: string, headers?: Record<string, string>) => apiRequest<T>(path, { method: 'DELETE', headers }),
};
