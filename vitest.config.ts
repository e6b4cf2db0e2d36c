import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// isolated-vm needs --no-node-snapshot, which only the forks pool can pass to its workers.
export default defineConfig({
  // Tests import templates directly; their SDK import resolves to the host-side SDK.
  resolve: { alias: { '@joinery/sdk': fileURLToPath(new URL('./core/sdk/index.ts', import.meta.url)) } },
  test: {
    globalSetup: ['test/build-once.ts', 'test/postgres/global-setup.ts'],
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
