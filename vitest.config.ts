import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// isolated-vm needs --no-node-snapshot, which only the forks pool can pass to its workers.
export default defineConfig({
  // Tests import templates directly; their SDK import resolves to the host-side SDK.
  resolve: { alias: { '@joinery/sdk': fileURLToPath(new URL('./core/sdk/index.ts', import.meta.url)) } },
  test: {
    globalSetup: ['test/build-once.ts', 'test/postgres/global-setup.ts'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where most test
    // time is spent waiting on child processes (executors, CLIs, servers, Postgres). Two workers there took
    // 243 s against 312 s for test/evals and test/registry.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    execArgv: ['--no-node-snapshot'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
