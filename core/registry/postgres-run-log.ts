// Execution records and the audit trail on Postgres, with the SQLite registry's checks, redaction, caps and
// minimal-row fallback (execution-log.ts, audit-log.ts). Each insert is its own autocommitted statement.
// recordExecutionDurable is a plain insert, settled after it: on the blocking connection the statement has
// committed (synchronous_commit as the server is configured) when the call returns, so there is no group
// commit here; several nodes and the server's own WAL flushing batch the fsyncs instead.

import { JoineryError } from '../errors.ts';
import type { SyncSql } from '../postgres/index.ts';
import { requireAuditLimit, toAuditRow } from './audit-log.ts';
import {
  checkIdentity, DEFAULT_EXECUTION_LIMIT, filterParameters, fullFields, MAX_EXECUTION_LIMIT, minimalFields,
} from './execution-log.ts';
import { requireLimit } from './input-checks.ts';
import { createRedactor } from './redact-secrets.ts';
import { toAuditRecord, toExecutionRecord, type AuditRow, type ExecutionRow } from './row-mapping.ts';
import type { AuditInput, AuditRecord, ExecutionFilter, ExecutionInput, ExecutionRecord } from './types.ts';

const INSERT_EXECUTION = `INSERT INTO executions (name, version, event_id, input, outcome, outcome_kind, logs, calls, duration_ms, caller,
  dry_run, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`;
const SELECT_EXECUTIONS = `SELECT * FROM executions WHERE name = $1 AND ($2::bigint IS NULL OR id < $2) AND ($3::text IS NULL OR outcome_kind = $3)
  AND ($4::int IS NULL OR dry_run = $4) AND ($5::text IS NULL OR created_at >= $5) AND ($6::text IS NULL OR event_id = $6)
  ORDER BY id DESC LIMIT $7`;

export function createPostgresRunLog(sql: SyncSql, { now }: { now: () => Date }) {
  function recordExecution(input: ExecutionInput, { redact = [] }: { redact?: string[] } = {}): ExecutionRecord {
    const redactor = createRedactor(redact);
    const identity = checkIdentity(input, redactor, now().toISOString());
    if (sql.query('SELECT 1 FROM versions WHERE name = $1 AND version = $2', [identity.name, identity.version]).rowCount === 0) {
      throw new JoineryError('NOT_FOUND', `no version ${identity.name}@${identity.version}`);
    }
    const insert = (fields: { input: string; outcome: string; logs: string; calls: string }) =>
      sql.query<ExecutionRow & Record<string, unknown>>(INSERT_EXECUTION, [
        identity.name, identity.version, identity.eventId, fields.input, fields.outcome, identity.outcomeKind, fields.logs, fields.calls,
        identity.durationMs, identity.caller, identity.dryRun, identity.createdAt,
      ]).rows[0];
    let row: ExecutionRow | undefined;
    try {
      row = insert(fullFields(input, redactor));
    } catch (error) {
      row = insert(minimalFields(input, error, redactor));
    }
    if (row === undefined) throw new JoineryError('INTERNAL', 'the execution record was not written');
    return toExecutionRecord(row);
  }

  return {
    recordExecution,
    recordExecutionDurable: async (input: ExecutionInput, options: { redact?: string[] } = {}) => recordExecution(input, options),
    listExecutions(name: string, filter: ExecutionFilter = {}): ExecutionRecord[] {
      const { beforeId, outcome, dryRun, since, eventId } = filterParameters(filter);
      const limit = requireLimit(filter.limit, DEFAULT_EXECUTION_LIMIT, MAX_EXECUTION_LIMIT);
      const rows = sql.query(SELECT_EXECUTIONS, [name, beforeId, outcome, dryRun, since, eventId, limit]).rows;
      return (rows as unknown as ExecutionRow[]).map(toExecutionRecord);
    },
    getExecution(id: number): ExecutionRecord | undefined {
      if (!Number.isSafeInteger(id)) return undefined;
      const [row] = sql.query('SELECT * FROM executions WHERE id = $1', [id]).rows;
      return row === undefined ? undefined : toExecutionRecord(row as unknown as ExecutionRow);
    },
    recordAudit(input: AuditInput, { redact = [] }: { redact?: string[] } = {}): AuditRecord {
      const entry = toAuditRow(input, redact, now().toISOString());
      const [row] = sql.query('INSERT INTO audit (actor, action, target, allowed, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
        entry.actor, entry.action, entry.target, entry.allowed, entry.detail, entry.createdAt,
      ]).rows;
      if (row === undefined) throw new JoineryError('INTERNAL', 'the audit entry was not written');
      return toAuditRecord(row as unknown as AuditRow);
    },
    listAudit({ limit, actor, allowed }: { limit?: number; actor?: string; allowed?: boolean } = {}): AuditRecord[] {
      const rows = sql.query('SELECT * FROM audit WHERE ($1::text IS NULL OR actor = $1) AND ($2::int IS NULL OR allowed = $2) ORDER BY id DESC LIMIT $3', [
        actor ?? null, allowed === undefined ? null : allowed ? 1 : 0, requireAuditLimit(limit),
      ]).rows;
      return (rows as unknown as AuditRow[]).map(toAuditRecord);
    },
  };
}
