// Who is signed in. A 401 `unauthenticated` is the normal answer for a visitor, so it resolves to null
// instead of failing: only real faults (network, 5xx) become query errors.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '../../../../server/contract/auth';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { authKeys } from './auth-keys';

export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return await api.get<User>('/api/auth/me', signal);
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());
