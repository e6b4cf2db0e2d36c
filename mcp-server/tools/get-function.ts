import * as z from 'zod';
import type { Registry, VersionRecord } from '../../core/registry/types.ts';
import { linkBlocks, versionLinks } from './part-links.ts';
import { functionName, manifestSchema, versionRef } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';
import { resolveVersion } from './version-ref.ts';
import { reviewSchema, versionStatus } from './views.ts';

const PARTS = ['source', 'spec', 'fixtures', 'reports', 'requirement'] as const;
/** A requirement longer than this is cut in the summary; `include: ['requirement']` gives it whole. */
const REQUIREMENT_SHOWN = 1_000;

export const getFunction = defineTool({
  name: 'get_function',
  title: 'Get a function version',
  description:
    'One version (default latest): status, manifest, requirement, reviews, tests, provenance; links to source, spec, fixtures (or `include` them).',
  input: {
    name: functionName,
    version: versionRef.optional(),
    include: z.array(z.enum(PARTS)).optional(),
  },
  output: {
    name: z.string(),
    version: z.number().int(),
    status: versionStatus,
    active: z.boolean(),
    activeVersion: z.number().int().nullable(),
    manifest: manifestSchema,
    requirement: z.string().nullable(),
    reviews: z.array(reviewSchema),
    tests: z.object({ passed: z.number().int(), failed: z.number().int(), fixtures: z.number().int() }),
    provenance: z.object({ author: z.string(), requestedBy: z.string().nullable(), createdAt: z.string(), parentVersion: z.number().int().nullable(), sha256: z.string(), conversationId: z.string().nullable() }),
    links: z.object({ source: z.string(), spec: z.string().nullable(), fixtures: z.string() }),
    source: z.string().optional(),
    spec: z.string().nullable().optional(),
    fixtures: z.array(z.unknown()).optional(),
    reports: z.object({ check: z.unknown(), test: z.unknown() }).optional(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name, version, include = [] }, { deps }) {
    return versionView(resolveVersion(deps.registry, name, version), deps.registry, include);
  },
  links: (output) => linkBlocks(`${output.name}@${output.version}`, output.links, Object.keys(output)),
});

function versionView(record: VersionRecord, registry: Registry, include: readonly string[]) {
  const activeVersion = registry.getActiveVersion(record.name)?.version ?? null;
  const reviews = registry.listReviews(record.name, record.version).map(({ reviewer, decision, comment, createdAt }) => ({ reviewer, decision, comment, createdAt }));
  const report = record.testReport as { passed?: unknown; failed?: unknown } | null;
  return {
    name: record.name,
    version: record.version,
    status: record.status,
    active: activeVersion === record.version,
    activeVersion,
    manifest: record.manifest,
    requirement: include.includes('requirement') ? record.requirement : shorten(record.requirement),
    reviews,
    tests: { passed: Number(report?.passed ?? 0), failed: Number(report?.failed ?? 0), fixtures: record.fixtures.length },
    provenance: { author: record.author, requestedBy: record.requestedBy, createdAt: record.createdAt, parentVersion: record.parentVersion, sha256: record.sha256, conversationId: record.conversationId },
    links: versionLinks(record.name, record.version, record.spec !== null),
    ...(include.includes('source') ? { source: record.source } : {}),
    ...(include.includes('spec') ? { spec: record.spec } : {}),
    ...(include.includes('fixtures') ? { fixtures: record.fixtures } : {}),
    ...(include.includes('reports') ? { reports: { check: record.checkReport, test: record.testReport } } : {}),
  };
}

function shorten(text: string | null): string | null {
  if (text === null || text.length <= REQUIREMENT_SHOWN) return text;
  return `${text.slice(0, REQUIREMENT_SHOWN)}… (${text.length - REQUIREMENT_SHOWN} more characters: include "requirement")`;
}
