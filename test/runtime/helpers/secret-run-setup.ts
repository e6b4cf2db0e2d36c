// Real parts for the secret tests: a registry in a database file (so its bytes can be read), the encrypted
// secret store, the real toolchain (type-check, bundle, isolated-vm executor), and an egress client that
// reaches the loopback API under made-up DNS names (*.example.test all resolve to 127.0.0.1).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteDirectory } from '../../../core/directory/index.ts';
import { checkFunction } from '../../../core/pipeline/index.ts';
import { createSqliteRegistry, type Registry } from '../../../core/registry/index.ts';
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
  /** Every byte of the database files (main file, WAL, shared memory) as latin1 text. */
  databaseBytes(): string;
  close(): Promise<void>;
}

const toLoopback = async () => [{ address: '127.0.0.1', family: 4 as const }];

export function createSecretRunSetup(): SecretRunSetup {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-secrets-'));
  const db = openDatabase(join(folder, 'joinery.db'));
  const registry = createSqliteRegistry(db);
  const toolchain = createRealToolchain();
  return {
    folder,
    db,
    registry,
    secrets: createSecretStore({ db, key: randomBytes(32) }),
    directory: createSqliteDirectory(db),
    toolchain,
    fetchFor: (egress, dryRun = false) =>
      dryRun
        ? createDryRunFetch({ allowedHosts: egress, allowHttp: true }).fetch
        : createEgressFetch({ allowedHosts: egress, allowHttp: true, allowPrivateNetworks: true, _internal: { lookup: toLoopback } }),
    async publishApproved(source) {
      const check = await checkFunction({ source, toolchain });
      if (!check.ok || check.bundle === undefined || check.manifest === undefined) throw new Error(JSON.stringify(check.problems));
      const { name } = check.manifest;
      registry.publish(samplePublishInput({ name, source, bundle: check.bundle.code, sourceMap: check.bundle.sourceMap, manifest: check.manifest }));
      const version = registry.getVersion(name)?.version ?? 1;
      registry.review({ name, version, reviewer: 'carol', decision: 'approved' });
    },
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
