// Query keys for everything under /api/auth, built in one place so invalidation cannot drift from use.
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  /** Mutation key, so other code can tell that this tab is signing out right now. */
  logout: () => [...authKeys.all, 'logout'] as const,
};
