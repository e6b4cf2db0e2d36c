// Everything a reviewer reads about one version, as data: the requirement the author was given, the
// spec, the source and its line diff against the version it would replace (the active one, else the
// previous one), the change in reach and the risk badges, the fixtures as rows, the test report as it
// was when published, the reviews so far, and whether this viewer may decide. The console renders it as
// HTML, the MCP App from JSON. The behavioural diff is separate: it runs code (core/diff diffBehaviour).

import { diffLines, type DiffLine } from '../diff/index.ts';
import { JoineryError } from '../errors.ts';
import type { Registry, ReviewRecord, VersionRecord } from '../registry/index.ts';
import { fixtureRows, type FixtureRow } from './fixture-rows.ts';
import { reachChange, riskBadges, type ReachChange, type RiskBadge } from './risk-badges.ts';
import { reviewGate, type ReviewGate } from './review-gate.ts';

export interface TestSummary {
  passed: number;
  failed: number;
  results: Array<{ name: string; passed: boolean; failures: string[] }>;
}

export interface ReviewBrief {
  version: VersionRecord;
  /** The version the diff is against: the active one, else the one before; null for a first version. */
  compareTo: VersionRecord | null;
  diff: DiffLine[];
  reach: ReachChange;
  badges: RiskBadge[];
  fixtures: FixtureRow[];
  testReport: TestSummary | null;
  reviews: ReviewRecord[];
  gate: ReviewGate;
}

export function buildReviewBrief(
  registry: Registry,
  { name, version, viewer }: { name: string; version: number; viewer: { name: string; role: string } },
): ReviewBrief {
  const record = registry.getVersion(name, version);
  if (record === undefined) throw new JoineryError('NOT_FOUND', `no version ${name}@${version}`);
  const active = registry.getActiveVersion(name);
  const compareTo = active !== undefined && active.version !== record.version ? active : previousVersion(registry, record);
  const reach = reachChange(record, compareTo ?? undefined);
  return {
    version: record,
    compareTo,
    diff: compareTo === null ? record.source.split('\n').map((text) => ({ kind: 'added' as const, text })) : diffLines(compareTo.source, record.source),
    reach,
    badges: riskBadges(record, reach),
    fixtures: fixtureRows(record.fixtures),
    testReport: testSummary(record.testReport),
    reviews: registry.listReviews(name, record.version),
    gate: reviewGate(record, viewer),
  };
}

function previousVersion(registry: Registry, record: VersionRecord): VersionRecord | null {
  if (record.version <= 1) return null;
  return registry.getVersion(record.name, record.parentVersion ?? record.version - 1) ?? null;
}

/** The stored report is whatever the publisher recorded; read it defensively. */
function testSummary(report: unknown): TestSummary | null {
  if (typeof report !== 'object' || report === null) return null;
  const { passed, failed, results } = report as Record<string, unknown>;
  if (typeof passed !== 'number' || typeof failed !== 'number') return null;
  const rows = Array.isArray(results) ? results : [];
  return {
    passed,
    failed,
    results: rows.map((row: Record<string, unknown>, index) => ({
      name: typeof row?.name === 'string' ? row.name : `test ${index + 1}`,
      passed: row?.passed === true,
      failures: Array.isArray(row?.failures) ? row.failures.map(String) : [],
    })),
  };
}
