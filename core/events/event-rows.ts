// Rows of the `events` and `event_results` tables (migration 0005) and their mapping to the port's records.

import type { EventRecord, EventStatus, EventSummary, StepResult } from './types.ts';

export interface EventRow {
  id: string;
  type: string;
  payload: string;
  source: string;
  status: EventStatus;
  attempts: number;
  last_error: string | null;
  available_at: number;
  lease_id: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface ResultRow {
  step: string;
  attempt: number;
  outcome: string;
  output: string | null;
  error: string | null;
}

export function toSummary(row: EventRow): EventSummary {
  return {
    id: row.id,
    type: row.type,
    source: row.source,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    availableAt: new Date(row.available_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function toRecord(row: EventRow, results: ResultRow[]): EventRecord {
  return { ...toSummary(row), payload: JSON.parse(row.payload) as unknown, results: Object.fromEntries(results.map((result) => [result.step, toStepResult(result)])) };
}

function toStepResult(row: ResultRow): StepResult {
  const result: StepResult = { outcome: row.outcome, attempt: row.attempt };
  if (row.output !== null) result.output = JSON.parse(row.output) as unknown;
  if (row.error !== null) result.error = row.error;
  return result;
}
