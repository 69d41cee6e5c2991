import { describe, expect, it } from 'vitest';
import { healthKeys } from '../../../shared/api/get-health';
import { authKeys } from './auth-keys';
import { meQueryOptions } from './get-me';

describe('query keys', () => {
  it('nests every auth key under the auth root so one invalidation reaches them all', () => {
    expect(authKeys.me()).toEqual(['auth', 'me']);
    for (const key of [authKeys.me(), authKeys.logout()]) {
      expect(key.slice(0, authKeys.all.length)).toEqual([...authKeys.all]);
    }
  });

  it('builds equal keys on every call', () => {
    expect(authKeys.me()).toEqual(authKeys.me());
    expect(healthKeys.liveness()).toEqual(['health', 'liveness']);
  });

  it('uses the factory in the query options', () => {
    expect(meQueryOptions().queryKey).toEqual(authKeys.me());
  });
});
