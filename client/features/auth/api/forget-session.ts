import { hashKey, type QueryClient } from '@tanstack/react-query';
import { authKeys } from './auth-keys';

/**
 * Drops everything cached for the previous user and records "signed out", which sends the route guards
 * to the sign-in screen. `me` is set rather than removed: mounted observers keep a removed query and would
 * go on showing the old user until something else re-rendered them.
 */
export function forgetSession(queryClient: QueryClient): void {
  const meKey = authKeys.me();
  const meHash = hashKey(meKey);
  void queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
  // Finished sign-in mutations still hold the password they were called with.
  queryClient.getMutationCache().clear();
  queryClient.setQueryData(meKey, null);
}
