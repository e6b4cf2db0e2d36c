// Every schema step, in order. Append only: a released step is never edited, renamed or removed.

import { registrySchema } from './migrations/0001-registry.ts';
import { directorySchema } from './migrations/0002-directory.ts';
import { secretsSchema } from './migrations/0003-secrets.ts';
import { tokensSchema } from './migrations/0004-tokens.ts';
import { eventQueueSchema } from './migrations/0005-event-queue.ts';
import { sourceTokenRoleSchema } from './migrations/0006-source-token-role.ts';
import { actorSourceSchema } from './migrations/0007-actor-source.ts';
import { retiredEmailsSchema } from './migrations/0008-retired-emails.ts';
import { requirementsAndWithdrawalsSchema } from './migrations/0009-requirements-and-withdrawals.ts';
import { flowsSchema } from './migrations/0010-flows.ts';
import { quarantineSchema } from './migrations/0011-quarantine.ts';
import { schedulesSchema } from './migrations/0012-schedules.ts';
import { reservationsSchema } from './migrations/0013-reservations.ts';
import { executionRetentionSchema } from './migrations/0014-execution-retention.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  registrySchema,
  directorySchema,
  secretsSchema,
  tokensSchema,
  eventQueueSchema,
  sourceTokenRoleSchema,
  actorSourceSchema,
  retiredEmailsSchema,
  requirementsAndWithdrawalsSchema,
  flowsSchema,
  quarantineSchema,
  schedulesSchema,
  reservationsSchema,
  executionRetentionSchema,
]);
