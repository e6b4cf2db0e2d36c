import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { defineTool } from './tool.ts';
import { executionSchema, executionView } from './views.ts';

export const getExecution = defineTool({
  name: 'get_execution',
  title: 'Get an execution',
  description:
    'One run in full: event, outcome, logs, HTTP calls (secrets redacted).',
  input: { id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) },
  output: { execution: executionSchema },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['operator', 'auditor'],
  async run({ id }, { deps }) {
    const execution = deps.registry.getExecution(id);
    if (!execution) throw new JoineryError('NOT_FOUND', `no execution ${id}; list_executions lists them`);
    return { execution: executionView(execution) };
  },
});
