// The registry port: immutable, reviewed versions of functions, and the log of every run.
// Synchronous on purpose: the SQLite adapter is synchronous and every write is one short transaction.

import type { FunctionManifest, LogEntry, OutgoingRequest, RunOutcome } from '../execution/types.ts';
import type { ActorSource } from './actor-name.ts';

export type { ActorSource } from './actor-name.ts';

/** `withdrawn`: its author took it back before anyone reviewed it (see `withdraw`). */
export type VersionStatus = 'pending_review' | 'approved' | 'rejected' | 'withdrawn';

export interface PublishInput {
  name: string;
  source: string;
  bundle: string;
  sourceMap: string;
  manifest: FunctionManifest;
  /** The fixtures the version was tested with, as parsed from its fixture file. */
  fixtures: unknown[];
  checkReport: unknown;
  testReport: unknown;
  spec?: string | null;
  author: string;
  requestedBy?: string | null;
  /** How the person publishing (the author, or the requester of agent-written code) was established. */
  actorSource?: ActorSource | null;
  /** The plain-language rule the version was written for, shown to its reviewer. */
  requirement?: string | null;
  /** The conversation (an MCP client's or the author agent's) it came from. */
  conversationId?: string | null;
}

export interface VersionRecord extends PublishInput {
  version: number;
  sha256: string;
  parentVersion: number | null;
  createdAt: string;
  status: VersionStatus;
  spec: string | null;
  requestedBy: string | null;
  /** Null for versions published before it was recorded. */
  actorSource: ActorSource | null;
  requirement: string | null;
  conversationId: string | null;
}

/** What identifies a version and decides whether it may run, without its content (getVersionHead). */
export type VersionHead = Pick<VersionRecord, 'name' | 'version' | 'sha256' | 'status'>;

export interface VersionSummary {
  name: string;
  version: number;
  sha256: string;
  status: VersionStatus;
  author: string;
  requestedBy: string | null;
  createdAt: string;
  active: boolean;
}

export interface FunctionSummary {
  name: string;
  description: string;
  latestVersion: number;
  activeVersion: number | null;
  latestStatus: VersionStatus;
}

export interface ReviewInput {
  name: string;
  version: number;
  reviewer: string;
  decision: 'approved' | 'rejected';
  comment?: string | null;
  /** How the reviewer was established. */
  actorSource?: ActorSource | null;
}

export interface ReviewRecord extends ReviewInput {
  id: number;
  comment: string | null;
  /** Null for reviews written before it was recorded. */
  actorSource: ActorSource | null;
  createdAt: string;
}

export interface WithdrawInput {
  name: string;
  version: number;
  /** Who withdraws it: its author, or its requester when an agent (`agent:…`) authored it. */
  actor: string;
  reason?: string | null;
}

export interface ExecutionFilter {
  /** Newest first; defaults to 50. */
  limit?: number;
  /** Only executions with a smaller id (the next page after the last id seen). */
  beforeId?: number;
  outcome?: RunOutcome['kind'];
  dryRun?: boolean;
  /** An ISO 8601 time: only executions recorded at or after it. */
  since?: string;
  eventId?: string;
}

export interface ExecutionInput {
  name: string;
  version: number;
  eventId: string | null;
  input: unknown;
  outcome: RunOutcome;
  logs: LogEntry[];
  calls: OutgoingRequest[];
  durationMs: number;
  caller: string;
  dryRun: boolean;
}

export interface ExecutionRecord extends ExecutionInput {
  id: number;
  createdAt: string;
}

export interface AuditInput {
  /** Who tried: a user, a token's subject, or 'system'. */
  actor: string;
  /** What was tried, e.g. a tool name ('run_function') or 'activate'. */
  action: string;
  /** What it was tried on, e.g. 'generate-username@3'. */
  target?: string | null;
  /** False for a denial. */
  allowed: boolean;
  /** Any JSON value; redacted like executions when `redact` is given. */
  detail?: unknown;
}

export interface AuditRecord {
  id: number;
  actor: string;
  action: string;
  target: string | null;
  allowed: boolean;
  detail: unknown;
  createdAt: string;
}

export interface Registry {
  /** Atomic: a new version numbered latest + 1, status pending_review. */
  publish(input: PublishInput): VersionRecord;
  /** The given version, or the latest when `version` is omitted. */
  getVersion(name: string, version?: number): VersionRecord | undefined;
  listFunctions(): FunctionSummary[];
  listVersions(name: string): VersionSummary[];
  /** Throws FORBIDDEN when the reviewer authored or requested the version (names compared by actorKey),
   *  INVALID_INPUT for a name with an invisible character, CONFLICT when already reviewed.
   *  An approval makes the version active, unless a later version is active already. */
  review(input: ReviewInput): ReviewRecord;
  listReviews(name: string, version: number): ReviewRecord[];
  /** Takes back a pending version (status `withdrawn` from then on), recorded in the audit trail. Throws
   *  FORBIDDEN unless `actor` authored it (or requested it, when an agent authored it), CONFLICT unless
   *  it is pending review. */
  withdraw(input: WithdrawInput): VersionRecord;
  /** Points the function at an earlier or later approved version (rollback). Throws NOT_FOUND for an
   *  unknown version, CONFLICT for one that is not approved. Recorded in the audit trail as `actor`
   *  (default 'system'). */
  activate(name: string, version: number, options?: { actor?: string; actorSource?: ActorSource | null }): void;
  getActiveVersion(name: string): VersionRecord | undefined;
  /** The head of a numbered version, of the active one or of the latest: one small read, for the run path,
   *  which takes the (immutable) content from versions it verified already (core/pipeline). */
  getVersionHead(name: string, ref: number | 'active' | 'latest'): VersionHead | undefined;
  /** Every occurrence of each `redact` value is replaced before anything is written. */
  recordExecution(input: ExecutionInput, options?: { redact?: string[] }): ExecutionRecord;
  /** recordExecution with group commit: settles once the transaction holding this record committed, with
   *  this record (or this record's own error); records of runs ending together share one transaction. */
  recordExecutionDurable(input: ExecutionInput, options?: { redact?: string[] }): Promise<ExecutionRecord>;
  /** Newest first, filtered; `limit` defaults to 50. */
  listExecutions(name: string, options?: ExecutionFilter): ExecutionRecord[];
  getExecution(id: number): ExecutionRecord | undefined;
  /** Appends to the audit trail (the MCP server logs every denial here). */
  recordAudit(input: AuditInput, options?: { redact?: string[] }): AuditRecord;
  /** Newest first. */
  listAudit(options?: { limit?: number; actor?: string; allowed?: boolean }): AuditRecord[];
  /** Releases the storage (for SQLite: closes the database handle it was given). */
  close(): void;
}
