// The log of every run. Secret values are redacted from every field before the row is written, so the
// database never holds them; records are append-only (an UPDATE trigger refuses changes).

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { optionalText, requireLimit, requireText, requireVersionNumber, toJsonField } from './input-checks.ts';
import { createRedactor } from './redact-secrets.ts';
import { toExecutionRecord, type ExecutionRow } from './row-mapping.ts';
import type { ExecutionFilter, ExecutionInput, ExecutionRecord } from './types.ts';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1_000;

export function createExecutionLog(db: SqliteDatabase, { now }: { now: () => Date }) {
  const versionExists = db.prepare('SELECT 1 FROM versions WHERE name = ? AND version = ?').pluck();
  const insert = db.prepare(`INSERT INTO executions (name, version, event_id, input, outcome, outcome_kind, logs,
      calls, duration_ms, caller, dry_run, created_at)
    VALUES (@name, @version, @eventId, @input, @outcome, @outcomeKind, @logs, @calls, @durationMs, @caller,
      @dryRun, @createdAt) RETURNING *`);
  const selectById = db.prepare('SELECT * FROM executions WHERE id = ?');
  const selectByFunction = db.prepare(`SELECT * FROM executions WHERE name = @name
      AND (@beforeId IS NULL OR id < @beforeId) AND (@outcome IS NULL OR outcome_kind = @outcome)
      AND (@dryRun IS NULL OR dry_run = @dryRun) AND (@since IS NULL OR created_at >= @since)
      AND (@eventId IS NULL OR event_id = @eventId)
    ORDER BY id DESC LIMIT @limit`);

  function recordExecution(input: ExecutionInput, { redact = [] }: { redact?: string[] } = {}): ExecutionRecord {
    const name = requireText(input.name, 'name');
    const version = requireVersionNumber(input.version);
    if (versionExists.get(name, version) === undefined) {
      throw new JoineryError('NOT_FOUND', `no version ${name}@${version}`);
    }
    const redactor = createRedactor(redact);
    const row = insert.get({
      name,
      version,
      eventId: nullableMap(optionalText(input.eventId, 'eventId'), redactor.text),
      input: toJsonField(input.input, 'input', redactor.json),
      outcome: toJsonField(input.outcome, 'outcome', redactor.json),
      outcomeKind: requireText(input.outcome?.kind, 'outcome.kind'),
      logs: toJsonField(input.logs ?? [], 'logs', redactor.json),
      calls: toJsonField(input.calls ?? [], 'calls', redactor.json),
      durationMs: requireDuration(input.durationMs),
      caller: redactor.text(requireText(input.caller, 'caller')),
      dryRun: requireBoolean(input.dryRun, 'dryRun') ? 1 : 0,
      createdAt: now().toISOString(),
    }) as ExecutionRow;
    return toExecutionRecord(row);
  }

  return {
    recordExecution,
    listExecutions(name: string, filter: ExecutionFilter = {}): ExecutionRecord[] {
      const rows = selectByFunction.all({ name, ...filterParameters(filter), limit: requireLimit(filter.limit, DEFAULT_LIMIT, MAX_LIMIT) }) as ExecutionRow[];
      return rows.map(toExecutionRecord);
    },
    getExecution(id: number): ExecutionRecord | undefined {
      const row = selectById.get(id) as ExecutionRow | undefined;
      return row === undefined ? undefined : toExecutionRecord(row);
    },
  };
}

function filterParameters({ beforeId, outcome, dryRun, since, eventId }: ExecutionFilter) {
  let sinceText: string | null = null;
  if (since !== undefined) {
    const time = new Date(since);
    if (typeof since !== 'string' || Number.isNaN(time.getTime())) {
      throw new JoineryError('INVALID_INPUT', 'since: expected an ISO 8601 time such as 2026-11-20T09:00:00Z', { field: 'since' });
    }
    sinceText = time.toISOString();
  }
  return {
    beforeId: beforeId === undefined ? null : requireVersionNumber(beforeId, 'beforeId'),
    outcome: outcome ?? null,
    dryRun: dryRun === undefined ? null : requireBoolean(dryRun, 'dryRun') ? 1 : 0,
    since: sinceText,
    eventId: eventId ?? null,
  };
}

function requireDuration(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new JoineryError('INVALID_INPUT', 'durationMs: expected a finite number >= 0', { field: 'durationMs' });
  }
  return value;
}

function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new JoineryError('INVALID_INPUT', `${field}: expected true or false`, { field });
  }
  return value;
}

function nullableMap(value: string | null, map: (text: string) => string): string | null {
  return value === null ? null : map(value);
}
