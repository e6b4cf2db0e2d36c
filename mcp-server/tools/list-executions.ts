import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { functionName } from './schemas.ts';
import { defineTool } from './tool.ts';

export const listExecutions = defineTool({
  name: 'list_executions',
  title: 'List executions',
  description: 'The newest runs of a function (secrets redacted): when, which version, who ran it, dry run or live, and how it ended. Read one in full with get_execution.',
  input: { name: functionName, limit: z.number().int().min(1).max(500).default(20).describe('how many, newest first') },
  output: {
    executions: z.array(z.object({
      id: z.number().int(),
      version: z.number().int(),
      eventId: z.string().nullable(),
      outcome: z.enum(['returned', 'threw', 'timed-out', 'out-of-memory', 'crashed']),
      durationMs: z.number(),
      caller: z.string(),
      dryRun: z.boolean(),
      createdAt: z.string(),
    })),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['operator', 'auditor'],
  async run({ name, limit }, { deps }) {
    if (!deps.registry.getVersion(name)) throw new JoineryError('NOT_FOUND', `no function named "${name}"`);
    const executions = deps.registry.listExecutions(name, { limit });
    return {
      executions: executions.map(({ id, version, eventId, outcome, durationMs, caller, dryRun, createdAt }) => ({ id, version, eventId, outcome: outcome.kind, durationMs, caller, dryRun, createdAt })),
    };
  },
});
