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
    // A worker runs its test files one after another in one process, with the modules it has loaded, instead
    // of a new process with every module loaded again for each file. Measured on test/sandbox, test/registry
    // and test/mcp-server (63 files): 114 s and 141 CPU-s instead of 269 s and 265 CPU-s (module loading
    // 18 s instead of 135 s). No test mocks modules or relies on a fresh one; a test that changes
    // process-wide state (the environment, the umask) puts it back.
    isolate: false,
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
