// Database rows to the records the port promises. JSON columns are parsed here and nowhere else.

import type { FunctionManifest, LogEntry, OutgoingRequest, RunOutcome } from '../execution/types.ts';
import type { ActorSource } from './actor-name.ts';
import type {
  AuditRecord, ExecutionRecord, FunctionSummary, ReviewRecord, VersionHead, VersionRecord, VersionStatus, VersionSummary,
} from './types.ts';

export interface VersionRow {
  name: string;
  version: number;
  source: string;
  bundle: string;
  source_map: string;
  sha256: string;
  manifest: string;
  fixtures: string;
  check_report: string;
  test_report: string;
  spec: string | null;
  author: string;
  requested_by: string | null;
  parent_version: number | null;
  created_at: string;
  status: VersionStatus;
  actor_source: ActorSource | null;
  requirement: string | null;
  conversation_id: string | null;
  /** 1 when a withdrawal exists: the stored status stays pending_review, readers see `withdrawn`. */
  withdrawn: 0 | 1;
}

export function toVersionRecord(row: VersionRow): VersionRecord {
  return {
    name: row.name,
    version: row.version,
    source: row.source,
    bundle: row.bundle,
    sourceMap: row.source_map,
    sha256: row.sha256,
    manifest: JSON.parse(row.manifest) as FunctionManifest,
    fixtures: JSON.parse(row.fixtures) as unknown[],
    checkReport: JSON.parse(row.check_report),
    testReport: JSON.parse(row.test_report),
    spec: row.spec,
    author: row.author,
    requestedBy: row.requested_by,
    parentVersion: row.parent_version,
    createdAt: row.created_at,
    status: row.withdrawn === 1 ? 'withdrawn' : row.status,
    actorSource: row.actor_source ?? null,
    requirement: row.requirement,
    conversationId: row.conversation_id,
  };
}

export type VersionHeadRow = Pick<VersionRow, 'name' | 'version' | 'sha256' | 'status' | 'withdrawn'>;

export function toVersionHead(row: VersionHeadRow): VersionHead {
  return { name: row.name, version: row.version, sha256: row.sha256, status: row.withdrawn === 1 ? 'withdrawn' : row.status };
}

export type VersionSummaryRow = Pick<
  VersionRow, 'name' | 'version' | 'sha256' | 'status' | 'author' | 'requested_by' | 'created_at' | 'withdrawn'
> & { active: 0 | 1 };

export function toVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    name: row.name,
    version: row.version,
    sha256: row.sha256,
    status: row.withdrawn === 1 ? 'withdrawn' : row.status,
    author: row.author,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    active: row.active === 1,
  };
}

export interface FunctionSummaryRow {
  name: string;
  description: string | null;
  latest_version: number;
  active_version: number | null;
  latest_status: VersionStatus;
  latest_withdrawn: 0 | 1;
}

export function toFunctionSummary(row: FunctionSummaryRow): FunctionSummary {
  return {
    name: row.name,
    description: row.description ?? '',
    latestVersion: row.latest_version,
    activeVersion: row.active_version,
    latestStatus: row.latest_withdrawn === 1 ? 'withdrawn' : row.latest_status,
  };
}

export interface ReviewRow {
  id: number;
  name: string;
  version: number;
  reviewer: string;
  decision: 'approved' | 'rejected';
  comment: string | null;
  created_at: string;
  actor_source: ActorSource | null;
}

export function toReviewRecord(row: ReviewRow): ReviewRecord {
  const { created_at: createdAt, actor_source: actorSource, ...rest } = row;
  return { ...rest, createdAt, actorSource: actorSource ?? null };
}

export interface ExecutionRow {
  id: number;
  name: string;
  version: number;
  event_id: string | null;
  input: string;
  outcome: string;
  logs: string;
  calls: string;
  duration_ms: number;
  caller: string;
  dry_run: 0 | 1;
  created_at: string;
}

/** `outcome`, `logs` and `calls` are as stored: redaction may have turned a part of them into a string. */
export function toExecutionRecord(row: ExecutionRow): ExecutionRecord {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    eventId: row.event_id,
    input: JSON.parse(row.input),
    outcome: JSON.parse(row.outcome) as RunOutcome,
    logs: JSON.parse(row.logs) as LogEntry[],
    calls: JSON.parse(row.calls) as OutgoingRequest[],
    durationMs: row.duration_ms,
    caller: row.caller,
    dryRun: row.dry_run === 1,
    createdAt: row.created_at,
  };
}

export interface AuditRow {
  id: number;
  actor: string;
  action: string;
  target: string | null;
  allowed: 0 | 1;
  detail: string | null;
  created_at: string;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    actor: row.actor,
    action: row.action,
    target: row.target,
    allowed: row.allowed === 1,
    detail: row.detail === null ? null : JSON.parse(row.detail),
    createdAt: row.created_at,
  };
}
