// What clients see of registry records: no bundles or source maps, provenance spelled out.

import * as z from 'zod';
import type { ExecutionRecord, Registry, VersionRecord } from '../../core/registry/types.ts';
import { manifestSchema } from './schemas.ts';

export const versionStatus = z.enum(['pending_review', 'approved', 'rejected', 'withdrawn']);

export const versionSummarySchema = z.object({
  name: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  status: versionStatus,
  author: z.string(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  active: z.boolean(),
});

export const reviewSchema = z.object({ reviewer: z.string(), decision: z.enum(['approved', 'rejected']), comment: z.string().nullable(), createdAt: z.string() });

export const versionViewShape = {
  name: z.string(),
  version: z.number().int(),
  status: versionStatus,
  active: z.boolean().describe('true when this version is the one that runs'),
  activeVersion: z.number().int().nullable(),
  manifest: manifestSchema,
  source: z.string(),
  spec: z.string().nullable(),
  fixtures: z.array(z.unknown()),
  reports: z.object({ check: z.unknown(), test: z.unknown() }),
  reviews: z.array(reviewSchema),
  provenance: z.object({
    author: z.string(),
    requestedBy: z.string().nullable(),
    createdAt: z.string(),
    parentVersion: z.number().int().nullable(),
    sha256: z.string(),
  }),
};

export function versionView(record: VersionRecord, registry: Registry) {
  const activeVersion = registry.getActiveVersion(record.name)?.version ?? null;
  const reviews = registry.listReviews(record.name, record.version).map(({ reviewer, decision, comment, createdAt }) => ({ reviewer, decision, comment, createdAt }));
  return {
    name: record.name,
    version: record.version,
    status: record.status,
    active: activeVersion === record.version,
    activeVersion,
    manifest: record.manifest,
    source: record.source,
    spec: record.spec,
    fixtures: record.fixtures,
    reports: { check: record.checkReport, test: record.testReport },
    reviews,
    provenance: { author: record.author, requestedBy: record.requestedBy, createdAt: record.createdAt, parentVersion: record.parentVersion, sha256: record.sha256 },
  };
}

export const executionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  eventId: z.string().nullable(),
  input: z.unknown(),
  outcome: z.object({
    kind: z.enum(['returned', 'threw', 'timed-out', 'out-of-memory', 'crashed']),
    value: z.unknown().optional().describe('returned: the value'),
    message: z.string().optional().describe('threw, crashed: the message'),
    position: z.object({ line: z.number(), column: z.number() }).optional().describe('threw: where, in the TypeScript source'),
    stack: z.string().optional(),
    limit: z.enum(['wall', 'cpu']).optional().describe('timed-out: which limit'),
    limitMs: z.number().optional(),
    memoryLimitMb: z.number().optional(),
  }),
  logs: z.array(z.object({ level: z.string(), message: z.string(), data: z.unknown().optional(), atMs: z.number() })),
  calls: z.array(z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() })).describe('outgoing HTTP requests (recorded, not sent, in a dry run); credential headers redacted'),
  durationMs: z.number(),
  caller: z.string(),
  dryRun: z.boolean(),
  createdAt: z.string(),
});

export function executionView(record: ExecutionRecord): z.input<typeof executionSchema> {
  return record;
}
