import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['client/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    // Integration tests hash passwords with argon2 (64 MiB each): keep the two cores from thrashing.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
