// What the load left in the database, checked: every event done; the usernames the events were given, the
// provisioned directory users and the ledger agree and hold no duplicate; no outgoing call recorded twice
// for one (event, step, attempt) (its Idempotency-Key); and each event's latency, submission to done.

import type { EventQueue } from '../../core/events/index.ts';

/** Reads rows with plain SQL that SQLite and Postgres both accept (the store under test, either engine). */
export type ReadRows = (sql: string) => Array<Record<string, unknown>>;
import { FLOW } from './prepare-home.ts';

export interface RunCheck {
  done: number;
  notDone: string[];
  /** Usernames given to more than one event, or held by more than one directory user. */
  duplicateUsernames: string[];
  provisionedUsers: number;
  /** Events whose result username is not the provisioned user's. */
  mismatched: string[];
  reservationsLeft: number;
  /** Idempotency keys recorded on more than one call. */
  repeatedCalls: string[];
  createAccountCalls: number;
  retriedEvents: number;
  latenciesMs: number[];
}

export async function checkRun({ rows, queue, ids, submittedAt }: {
  rows: ReadRows; queue: EventQueue; ids: readonly string[]; submittedAt: ReadonlyMap<string, number>;
}): Promise<RunCheck> {
  const notDone: string[] = [];
  const usernameOf = new Map<string, string>();
  const latenciesMs: number[] = [];
  let retriedEvents = 0;
  for (const id of ids) {
    const event = await queue.get(id);
    if (event?.status !== 'done') {
      notDone.push(`${id}: ${event?.status ?? 'missing'}`);
      continue;
    }
    if (event.attempts > 1) retriedEvents += 1;
    const output = event.results[`${FLOW}/generate-username`]?.output as { username?: string } | undefined;
    if (typeof output?.username === 'string') usernameOf.set(id, output.username);
    latenciesMs.push(Date.parse(event.updatedAt) - (submittedAt.get(id) ?? Date.parse(event.createdAt)));
  }
  const users = rows(`SELECT username_key AS "key", provisioned_by_event AS "eventId" FROM directory_users WHERE status = 'provisioned'`) as Array<{ key: string; eventId: string }>;
  const byEvent = new Map(users.map((user) => [user.eventId, user.key]));
  const mismatched = [...usernameOf].filter(([id, username]) => byEvent.get(id) !== username.normalize('NFC').toLowerCase()).map(([id]) => id);
  const calls = rows(`SELECT calls FROM executions WHERE name = 'create-account'`).map((row) => String(row.calls));
  const idempotencyKeys = calls.flatMap((text) => (JSON.parse(text) as Array<{ headers: Record<string, string> }>).map((call) => call.headers['idempotency-key'] ?? '(none)'));
  return {
    done: ids.length - notDone.length,
    notDone,
    duplicateUsernames: [...duplicates([...usernameOf.values()]), ...duplicates(users.map((user) => user.key))],
    provisionedUsers: users.length,
    mismatched,
    reservationsLeft: Number(rows('SELECT count(*) AS n FROM reservations')[0]?.n),
    repeatedCalls: duplicates(idempotencyKeys),
    createAccountCalls: idempotencyKeys.length,
    retriedEvents,
    latenciesMs: latenciesMs.sort((left, right) => left - right),
  };
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
