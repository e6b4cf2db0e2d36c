import * as z from 'zod';
import type { VersionRecord } from '../../core/registry/types.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { functionName, MAX_COMMENT_CHARS, versionRef } from './schemas.ts';
import { defineTool } from './tool.ts';
import { resolveVersion } from './version-ref.ts';
import { reviewPage, reviewPageSchema } from './review-page.ts';
import { reviewSchema } from './views.ts';

/** The MCP App (resources/review-app.ts) clients with app support show for a call without a decision. */
export const REVIEW_APP_URI = 'ui://joinery/review';

export const reviewFunction = defineTool({
  name: 'review_function',
  title: 'Review a version',
  description:
    'No decision: the review page (requirement, diffs, fixtures; inline in MCP Apps). approve (it becomes active) or reject a version ' +
    'you neither wrote nor requested.',
  input: {
    name: functionName,
    version: versionRef,
    decision: z.enum(['approve', 'reject']).optional(),
    comment: z.string().max(MAX_COMMENT_CHARS).optional().describe('what you checked'),
  },
  output: {
    name: z.string(),
    version: z.number().int(),
    review: reviewSchema.nullable(),
    activeVersion: z.number().int().nullable(),
    page: reviewPageSchema.optional(),
  },
  meta: { ui: { resourceUri: REVIEW_APP_URI } },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['reviewer'],
  async run({ name, version, decision, comment }, { deps, principal, confirm, log }) {
    const target = resolveVersion(deps.registry, name, version);
    const label = `${name}@${target.version}`;
    if (decision === undefined) {
      const page = await reviewPage(deps, target, principal);
      return { name, version: target.version, review: null, activeVersion: deps.registry.getActiveVersion(name)?.version ?? null, page };
    }
    if (decision === 'approve' && wouldRecord(target, principal.name) && !(await confirm(`Approve ${label}? It becomes the version that runs (egress: ${target.manifest.egress.join(', ') || 'none'}; secrets: ${target.manifest.secrets.join(', ') || 'none'}).`))) {
      return toolFailure('CONFLICT', `${label} was not approved: the confirmation was declined; nothing was recorded`);
    }
    const review = deps.registry.review({ name, version: target.version, reviewer: principal.name, decision: decision === 'approve' ? 'approved' : 'rejected', comment: comment ?? null, actorSource: principal.source ?? null });
    log('notice', `${review.decision} ${label}`);
    return {
      name,
      version: target.version,
      review: { reviewer: review.reviewer, decision: review.decision, comment: review.comment, createdAt: review.createdAt },
      activeVersion: deps.registry.getActiveVersion(name)?.version ?? null,
    };
  },
  outcome: (output) => (output.review ? `${output.review.decision} ${output.name}@${output.version}` : `review page of ${output.name}@${output.version}`),
});

/** Asking the person to confirm a review the registry will refuse anyway (four eyes, decided) helps nobody. */
function wouldRecord(target: VersionRecord, reviewer: string): boolean {
  const same = (left: string | null) => left !== null && left.trim().normalize('NFKC').toLowerCase() === reviewer.trim().normalize('NFKC').toLowerCase();
  return target.status === 'pending_review' && !same(target.author) && !same(target.requestedBy);
}
