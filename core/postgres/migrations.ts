// Every Postgres schema step, in order. Append only: a released step is never edited, renamed or removed.
// The first four are the SQLite schema as of its step 0013, by concern; later changes get a step on both.

import { postgresRegistrySchema } from './migrations/0001-registry.ts';
import { postgresDirectorySchema } from './migrations/0002-directory.ts';
import { postgresSecretsTokensDraftsSchema } from './migrations/0003-secrets-tokens-drafts.ts';
import { postgresRuntimeSchema } from './migrations/0004-runtime.ts';
import { postgresExecutionRetentionSchema } from './migrations/0005-execution-retention.ts';
import type { PostgresMigration } from './types.ts';

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = Object.freeze([
  postgresRegistrySchema,
  postgresDirectorySchema,
  postgresSecretsTokensDraftsSchema,
  postgresRuntimeSchema,
  postgresExecutionRetentionSchema,
]);
