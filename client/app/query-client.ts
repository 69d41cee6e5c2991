// The tab's one QueryClient. Retrying only helps when the failure may be temporary: a 4xx will fail the
// same way again, while a dropped connection or a 5xx often will not.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../shared/api/api-error';
import { forgetSession } from '../features/auth/api/forget-session';

const MAX_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  // Any request answered with `unauthenticated` means the session is gone (expired, or ended in another
  // tab): treat the person as signed out. Deferred so the cache is not emptied while it is reporting.
  const onError = (error: unknown) => {
    if (isApiError(error, 'unauthenticated')) queueMicrotask(() => forgetSession(queryClient));
  };

  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
