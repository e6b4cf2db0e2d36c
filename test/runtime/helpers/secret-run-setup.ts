// Real parts for the secret tests: a registry in a database file (so its bytes can be read), the encrypted
// secret store, the real toolchain (type-check, bundle, isolated-vm executor), and an egress client that
// reaches the loopback API under made-up DNS names (*.example.test all resolve to 127.0.0.1).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteDirectory } from '../../../core/directory/index.ts';
import { checkFunction, runFunction } from '../../../core/pipeline/index.ts';
import { createSqliteRegistry, type ExecutionRecord, type Registry } from '../../../core/registry/index.ts';
import type { OAuthTokenCache } from '../../../core/runtime/index.ts';
import { createSecretStore } from '../../../core/secrets/index.ts';
import type { SecretStore } from '../../../core/secrets/types.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../../core/store/index.ts';
import { createDryRunFetch, createEgressFetch } from '../../../sandbox/egress/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { samplePublishInput } from '../../registry/sample-publish-input.ts';

export interface SecretRunSetup {
  folder: string;
  db: SqliteDatabase;
  registry: Registry;
  secrets: SecretStore;
  directory: ReturnType<typeof createSqliteDirectory>;
  toolchain: ReturnType<typeof createRealToolchain>;
  /** The egress client for a version's hosts: loopback for live runs, the recorder for dry runs. */
  fetchFor(egress: string[], dryRun?: boolean): ReturnType<typeof createEgressFetch>;
  /** Checks `source` with the real toolchain and publishes it approved (two people); throws on a problem. */
  publishApproved(source: string): Promise<void>;
  /** Runs the active version on EVENT through runFunction, live (to the loopback) or dry. */
  run(name: string, options?: { dryRun?: boolean; oauthTokens?: OAuthTokenCache }): Promise<ExecutionRecord>;
  /** Every byte of the database files (main file, WAL, shared memory) as latin1 text. */
  databaseBytes(): string;
  close(): Promise<void>;
}

const toLoopback = async () => [{ address: '127.0.0.1', family: 4 as const }];

export const EVENT = { type: 'manual', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'Ann', lastName: 'Lee', department: 'IT', employmentType: 'employee', startDate: '2026-12-01' } };

/** A function source: the given definition fields (name, egress, secrets, ...) and run body. */
export function definition(fields: string, run: string): string {
  return `import { defineFunction } from '@joinery/sdk';
export default defineFunction({
  description: 'A secret test.',
  trigger: 'manual',
  ${fields},
  async run(event, ctx) {
    ${run}
  },
});
`;
}

export function createSecretRunSetup(): SecretRunSetup {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-secrets-'));
  const db = openDatabase(join(folder, 'joinery.db'));
  const registry = createSqliteRegistry(db);
  const toolchain = createRealToolchain();
  const secrets = createSecretStore({ db, key: randomBytes(32) });
  const directory = createSqliteDirectory(db);
  const fetchFor = (egress: string[], dryRun = false) =>
    dryRun
      ? createDryRunFetch({ allowedHosts: egress, allowHttp: true }).fetch
      : createEgressFetch({ allowedHosts: egress, allowHttp: true, allowPrivateNetworks: true, _internal: { lookup: toLoopback } });
  return {
    folder,
    db,
    registry,
    secrets,
    directory,
    toolchain,
    fetchFor,
    async publishApproved(source) {
      const check = await checkFunction({ source, toolchain });
      if (!check.ok || check.bundle === undefined || check.manifest === undefined) throw new Error(JSON.stringify(check.problems));
      const { name } = check.manifest;
      registry.publish(samplePublishInput({ name, source, bundle: check.bundle.code, sourceMap: check.bundle.sourceMap, manifest: check.manifest }));
      const version = registry.getVersion(name)?.version ?? 1;
      registry.review({ name, version, reviewer: 'carol', decision: 'approved' });
    },
    run: (name, { dryRun = false, oauthTokens } = {}) =>
      runFunction({
        name, event: EVENT, caller: 'tester', dryRun, registry, directory, secrets, runner: toolchain.runner,
        fetchFor: (egress) => fetchFor(egress, dryRun), ...(oauthTokens === undefined ? {} : { oauthTokens }),
      }),
    databaseBytes: () =>
      readdirSync(folder)
        .filter((file) => file.startsWith('joinery.db'))
        .map((file) => readFileSync(join(folder, file)).toString('latin1'))
        .join('\n'),
    async close() {
      await toolchain.close();
      closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
