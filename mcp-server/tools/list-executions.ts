import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { cursorInput, decodeCursor, encodeCursor, pageSize } from './cursor.ts';
import { functionName } from './schemas.ts';
import { defineTool } from './tool.ts';
import { outcomeKind } from './views.ts';

export const listExecutions = defineTool({
  name: 'list_executions',
  title: 'List executions',
  description:
    'A function\'s runs, newest first, with filters. Then get_execution.',
  input: {
    name: functionName,
    outcome: outcomeKind.optional(),
    dry_run: z.boolean().optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    event_id: z.string().max(200).optional(),
    cursor: cursorInput.optional(),
    limit: pageSize(20, 500),
  },
  output: {
    executions: z.array(z.object({ id: z.number().int(), version: z.number().int(), eventId: z.string().nullable(), outcome: outcomeKind, durationMs: z.number(), caller: z.string(), dryRun: z.boolean(), createdAt: z.string() })),
    nextCursor: z.string().optional(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['operator', 'auditor'],
  async run({ name, outcome, dry_run: dryRun, since, event_id: eventId, cursor, limit }, { deps }) {
    if (!deps.registry.getVersion(name)) throw new JoineryError('NOT_FOUND', `no function named "${name}"; list_functions lists them`);
    const beforeId = decodeCursor('list_executions', cursor);
    // One more than asked: whether there is a next page.
    const found = deps.registry.listExecutions(name, { limit: limit + 1, beforeId, outcome, dryRun, since, eventId });
    const page = found.slice(0, limit);
    const executions = page.map(({ id, version, eventId: event, outcome: result, durationMs, caller, dryRun: dry, createdAt }) => ({ id, version, eventId: event, outcome: result.kind, durationMs, caller, dryRun: dry, createdAt }));
    const last = page.at(-1);
    return found.length > limit && last ? { executions, nextCursor: encodeCursor('list_executions', last.id) } : { executions };
  },
});
