// The log of every run. Secret values are redacted from every field before the row is written, so the
// database never holds them; each field is cut to its cap (record-caps.ts); records are append-only (an
// UPDATE trigger refuses changes). A run always leaves a record: when the full row cannot be written
// (a value that cannot be serialised, an SQLite error), a minimal row with the outcome, the error and
// the counts is written instead. Only a caller's own mistakes (unknown version, bad identity fields) throw.

import { JoineryError } from '../errors.ts';
import type { RunOutcome } from '../execution/types.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { optionalText, requireLimit, requireText, requireVersionNumber, toJsonField } from './input-checks.ts';
import { boundExecution, capText, RECORD_CAPS } from './record-caps.ts';
import type { GroupCommitOptions } from './group-commit.ts';
import { createRecordWriter, type RecordWriterOptions } from './record-writer.ts';
import { createRedactor, type Redactor } from './redact-secrets.ts';
import { toExecutionRecord, type ExecutionRow } from './row-mapping.ts';
import type { ExecutionFilter, ExecutionInput, ExecutionRecord } from './types.ts';

export const DEFAULT_EXECUTION_LIMIT = 50;
export const MAX_EXECUTION_LIMIT = 1_000;
const MINIMAL_MESSAGE_BYTES = 1024;

export interface ExecutionLogOptions {
  now: () => Date;
  groupCommit?: GroupCommitOptions;
  /** Where durable records are committed (record-writer.ts); false: always on this thread. */
  recordWriter?: RecordWriterOptions | false;
}

/** How one record is written: the secret values to redact, and its time when the caller fixed it. */
export interface RecordOptions {
  redact?: string[];
  /** ISO 8601; default: the log's clock now. */
  createdAt?: string;
}

export function createExecutionLog(db: SqliteDatabase, { now, groupCommit, recordWriter = {} }: ExecutionLogOptions) {
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

  function recordExecution(input: ExecutionInput, { redact = [], createdAt }: RecordOptions = {}): ExecutionRecord {
    const redactor = createRedactor(redact);
    const identity = checkIdentity(input, redactor, createdAt ?? now().toISOString());
    if (versionExists.get(identity.name, identity.version) === undefined) {
      throw new JoineryError('NOT_FOUND', `no version ${identity.name}@${identity.version}`);
    }
    let row: ExecutionRow;
    try {
      row = insert.get({ ...identity, ...fullFields(input, redactor) }) as ExecutionRow;
    } catch (error) {
      row = insert.get({ ...identity, ...minimalFields(input, error, redactor) }) as ExecutionRow;
    }
    return toExecutionRecord(row);
  }

  const writer = createRecordWriter({ db, recordExecution, ...(groupCommit === undefined ? {} : { groupCommit }), options: recordWriter });

  return {
    recordExecution,
    /**
     * Like recordExecution, settling once the record is committed: records of runs ending together share
     * one transaction (group-commit.ts), on a worker thread when the database is a file (record-writer.ts).
     */
    recordExecutionDurable: (input: ExecutionInput, { redact = [] }: { redact?: string[] } = {}) =>
      writer.write({ input, redact, createdAt: now().toISOString() }),
    /** Writes what waits on this thread now and lets the worker finish what it holds (before the database closes). */
    closeExecutions: writer.close,
    listExecutions(name: string, filter: ExecutionFilter = {}): ExecutionRecord[] {
      const limit = requireLimit(filter.limit, DEFAULT_EXECUTION_LIMIT, MAX_EXECUTION_LIMIT);
      return (selectByFunction.all({ name, ...filterParameters(filter), limit }) as ExecutionRow[]).map(toExecutionRecord);
    },
    getExecution(id: number): ExecutionRecord | undefined {
      const row = selectById.get(id) as ExecutionRow | undefined;
      return row === undefined ? undefined : toExecutionRecord(row);
    },
  };
}

/** The checked identity columns of a record (who ran what, when, how it ended); shared with Postgres. */
export function checkIdentity(input: ExecutionInput, redactor: Redactor, createdAt: string) {
  const eventId = optionalText(input.eventId, 'eventId');
  return {
    name: requireText(input.name, 'name'),
    eventId: eventId === null ? null : capText(redactor.text(eventId), RECORD_CAPS.fieldMaxBytes),
    version: requireVersionNumber(input.version),
    outcomeKind: requireText(input.outcome?.kind, 'outcome.kind'),
    durationMs: requireDuration(input.durationMs),
    caller: redactor.text(requireText(input.caller, 'caller')),
    dryRun: requireBoolean(input.dryRun, 'dryRun') ? 1 : 0,
    createdAt,
  };
}

export function fullFields(input: ExecutionInput, redactor: Redactor) {
  const bounded = boundExecution(input, redactor);
  return {
    input: toJsonField(bounded.input, 'input', redactor.json),
    outcome: toJsonField(bounded.outcome, 'outcome', redactor.json),
    logs: toJsonField(bounded.logs, 'logs', redactor.json),
    calls: toJsonField(bounded.calls, 'calls', redactor.json),
  };
}

/** The outcome's kind and small fields, the error, and how much was left out; nothing else the run produced. */
export function minimalFields(input: ExecutionInput, error: unknown, redactor: Redactor) {
  const reason = capText(redactor.text(error instanceof Error ? error.message : String(error)), MINIMAL_MESSAGE_BYTES);
  const counts = `log entries: ${countOf(input.logs)}, calls: ${countOf(input.calls)}`;
  const note = { level: 'error', message: `joinery: the full record could not be stored (${reason}); only the outcome is kept (${counts})`, atMs: 0 };
  return { input: 'null', outcome: redactor.json(minimalOutcome(input.outcome, redactor)), logs: redactor.json([note]), calls: '[]' };
}

function minimalOutcome(outcome: RunOutcome, redactor: Redactor): RunOutcome {
  const message = (text: unknown) => capText(redactor.text(String(text)), MINIMAL_MESSAGE_BYTES);
  switch (outcome.kind) {
    case 'returned':
      return { kind: 'returned', value: null };
    case 'threw':
      return { kind: 'threw', message: message(outcome.message) };
    case 'crashed':
      return { kind: 'crashed', message: message(outcome.message) };
    case 'timed-out':
      return { kind: 'timed-out', limit: outcome.limit === 'cpu' ? 'cpu' : 'wall', limitMs: Number(outcome.limitMs) };
    case 'out-of-memory':
      return { kind: 'out-of-memory', memoryLimitMb: Number(outcome.memoryLimitMb) };
    default:
      return { kind: 'crashed', message: message(`unknown outcome kind ${String((outcome as { kind: unknown }).kind)}`) };
  }
}

const countOf = (list: unknown) => (Array.isArray(list) ? list.length : 0);

export function filterParameters({ beforeId, outcome, dryRun, since, eventId }: ExecutionFilter) {
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
