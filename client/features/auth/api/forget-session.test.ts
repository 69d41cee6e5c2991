import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { authKeys } from './auth-keys';
import { forgetSession } from './forget-session';

describe('forgetSession', () => {
  it("removes the previous user's data and records that nobody is signed in", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(authKeys.me(), { id: 1, username: 'ada', role: 'user' });
    queryClient.setQueryData(['orders', 'list', { page: 1 }], [{ id: 1 }]);
    forgetSession(queryClient);
    expect(queryClient.getQueryData(authKeys.me())).toBeNull();
    expect(queryClient.getQueryCache().getAll().map((query) => query.queryKey)).toEqual([authKeys.me()]);
  });
});
