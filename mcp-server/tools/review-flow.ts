import * as z from 'zod';
import { reviewFlow as review } from '../../core/flows/index.ts';
import { flowVersionSchema, flowView } from './flow-views.ts';
import { functionName, MAX_COMMENT_CHARS, versionNumber } from './schemas.ts';
import { defineTool } from './tool.ts';

export const reviewFlow = defineTool({
  name: 'review_flow',
  title: 'Review a flow',
  description: 'Approve (active for its trigger) or reject a pending flow version you neither wrote nor requested.',
  input: { name: functionName, version: versionNumber, decision: z.enum(['approve', 'reject']), comment: z.string().max(MAX_COMMENT_CHARS).optional() },
  output: { flow: flowVersionSchema },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['reviewer'],
  async run({ name, version, decision, comment }, { deps, principal, log }) {
    const record = review({
      flows: deps.flows,
      audit: (entry) => deps.registry.recordAudit(entry),
      via: 'mcp',
      name,
      version,
      reviewer: principal.name,
      decision: decision === 'approve' ? 'approved' : 'rejected',
      comment: comment ?? null,
    });
    log('notice', `${record.status} flow ${name}@${version}`);
    return { flow: flowView(record) };
  },
  outcome: ({ flow }) => `${flow.status} ${flow.name}@${flow.version}`,
});
