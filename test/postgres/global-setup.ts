// Vitest global setup for the Postgres side of the contract suites. A run that has JOINERY_TEST_DATABASE_URL
// uses that server. Otherwise it names a folder for a throw-away cluster, which the first test file that
// needs Postgres starts (test-database.ts), so runs that never touch Postgres pay nothing; teardown stops it.

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresClusterFolder: string;
  }
}

const SCRIPT = fileURLToPath(new URL('../../scripts/postgres/throwaway-cluster.sh', import.meta.url));

export default function postgresGlobalSetup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-test-pg-'));
  // The cluster runs as an unprivileged user when tests run as root: it must reach <folder>/cluster.
  chmodSync(folder, 0o711);
  project.provide('postgresClusterFolder', folder);
  return () => {
    if (existsSync(join(folder, 'url'))) execFileSync(SCRIPT, ['stop', join(folder, 'cluster')], { stdio: 'inherit' });
    rmSync(folder, { recursive: true, force: true });
  };
}
