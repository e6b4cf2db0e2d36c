import { defineConfig } from 'vitest/config';

// isolated-vm needs --no-node-snapshot, which only the forks pool can pass to its workers.
export default defineConfig({
  test: {
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
