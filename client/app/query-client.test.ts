import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../shared/api/api-error';
import { problemTypeUri, type ErrorCode } from '../../server/contract/errors';
import { authKeys } from '../features/auth/api/auth-keys';
import { createQueryClient, shouldRetry } from './query-client';

const apiError = (status: number, code: ErrorCode) =>
  new ApiError({ type: problemTypeUri(code), title: code, status, detail: code, code });

describe('shouldRetry', () => {
  it('never retries a client error', () => {
    expect(shouldRetry(0, apiError(400, 'validation_failed'))).toBe(false);
    expect(shouldRetry(0, apiError(404, 'not_found'))).toBe(false);
    expect(shouldRetry(0, apiError(429, 'rate_limited'))).toBe(false);
  });

  it('retries server errors and network failures twice', () => {
    for (const error of [apiError(503, 'not_ready'), new NetworkError()]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });
});

describe('createQueryClient', () => {
  it('signs the person out when any query reports an ended session', async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(authKeys.me(), { id: 1, username: 'ada', role: 'user' });
    await queryClient
      .fetchQuery({ queryKey: ['orders'], queryFn: () => Promise.reject(apiError(401, 'unauthenticated')) })
      .catch(() => undefined);
    await Promise.resolve();
    expect(queryClient.getQueryData(authKeys.me())).toBeNull();
    expect(queryClient.getQueryCache().find({ queryKey: ['orders'] })).toBeUndefined();
  });
});
