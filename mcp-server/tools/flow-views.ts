// What the flow tools answer: a flow version without its internal columns.

import * as z from 'zod';
import type { FlowVersionRecord } from '../../core/flows/index.ts';

export const flowVersionSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  trigger: z.string(),
  status: z.enum(['pending_review', 'approved', 'rejected']),
  active: z.boolean(),
  definition: z.unknown(),
  sha256: z.string(),
  author: z.string(),
  requestedBy: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
});

export function flowView(record: FlowVersionRecord): z.input<typeof flowVersionSchema> {
  const { name, version, trigger, status, active, definition, sha256, author, requestedBy, reviewer, reviewComment, createdAt } = record;
  return { name, version, trigger, status, active, definition, sha256, author, requestedBy, reviewer, reviewComment, createdAt };
}
