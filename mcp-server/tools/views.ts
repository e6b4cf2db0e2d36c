// What clients see of registry records: no bundles or source maps, provenance spelled out.

import * as z from 'zod';
import type { ExecutionRecord } from '../../core/registry/types.ts';

export const versionStatus = z.enum(['pending_review', 'approved', 'rejected', 'withdrawn']);

export const versionSummarySchema = z.object({
  version: z.number().int(),
  status: versionStatus,
  active: z.boolean(),
  author: z.string(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  sha256: z.string(),
});

export const reviewSchema = z.object({ reviewer: z.string(), decision: z.enum(['approved', 'rejected']), comment: z.string().nullable(), createdAt: z.string() });

const OUTCOME_KINDS = ['returned', 'threw', 'timed-out', 'out-of-memory', 'crashed'] as const;
export const outcomeKind = z.enum(OUTCOME_KINDS);

export const executionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  eventId: z.string().nullable(),
  input: z.unknown(),
  outcome: z.looseObject({ kind: outcomeKind }).describe('returned: value; threw: message, position; timed-out: limit, limitMs'),
  logs: z.array(z.object({ level: z.string(), message: z.string(), data: z.unknown().optional(), atMs: z.number() })),
  calls: z.array(z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() })).describe('outgoing HTTP (recorded, not sent, when dryRun); credentials redacted'),
  durationMs: z.number(),
  caller: z.string(),
  dryRun: z.boolean(),
  createdAt: z.string(),
});

export function executionView(record: ExecutionRecord): z.input<typeof executionSchema> {
  return record;
}
