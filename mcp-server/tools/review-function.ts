import * as z from 'zod';
import { functionName, MAX_COMMENT_CHARS, versionNumber } from './schemas.ts';
import { defineTool } from './tool.ts';
import { reviewSchema } from './views.ts';

export const reviewFunction = defineTool({
  name: 'review_function',
  title: 'Approve or reject a version',
  description:
    'Records your review of a pending version: approve (it becomes the active version, unless a later one is active) or reject, ' +
    'with a comment. Four eyes: nobody may review a version they authored or requested (FORBIDDEN). Read it first with ' +
    'get_function and diff_versions, or the review_function prompt.',
  input: {
    name: functionName,
    version: versionNumber,
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(MAX_COMMENT_CHARS).optional().describe('why; shown with the version'),
  },
  output: { name: z.string(), version: z.number().int(), review: reviewSchema, activeVersion: z.number().int().nullable() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['reviewer'],
  async run({ name, version, decision, comment }, { deps, principal }) {
    const review = deps.registry.review({ name, version, reviewer: principal.name, decision: decision === 'approve' ? 'approved' : 'rejected', comment: comment ?? null, actorSource: principal.source ?? null });
    return {
      name,
      version,
      review: { reviewer: review.reviewer, decision: review.decision, comment: review.comment, createdAt: review.createdAt },
      activeVersion: deps.registry.getActiveVersion(name)?.version ?? null,
    };
  },
});
