import type { Migration } from 'kysely';
import { accounts } from './0001-accounts.js';

// Ordered by name; never edit a shipped migration, add the next one.
export const migrations: Record<string, Migration> = {
  '0001-accounts': accounts,
};
