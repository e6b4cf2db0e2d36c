// The behavioural diff a reviewer reads beside the source diff: the active version and the candidate run
// side by side in the sandbox on every fixture of both (against the fixture's directory, secrets and
// mocked responses) and on recent recorded events (against a read-only directory and a recording stub),
// and every case whose output, error or outgoing calls differ is listed with the changed paths. Nothing
// leaves the machine. The work is bounded: at most `maxEvents` events, and no new case starts after
// `timeLimitMs` (each run is bounded by the sandbox's own limits).

import type { OutgoingRequest, RunLimits, RunOutcome, SandboxRunner } from '../execution/types.ts';
import { createTestHost, fixtureTestSchema, type FixtureTest } from '../fixtures/index.ts';
import { redactCredentialHeaders } from '../registry/index.ts';
import type { VersionRecord } from '../registry/index.ts';
import { createRecordingHost, type DirectoryReader } from './recording-host.ts';
import { valueChanges, type ValueChange } from './value-changes.ts';

interface BehaviourCase {
  /** The person's name when the input has one, else the fixture's name or the event's id. */
  label: string;
  source: 'fixture' | 'event';
  changes: ValueChange[];
}

export interface BehaviouralDiff {
  from: number;
  to: number;
  /** Cases run on both versions. */
  compared: number;
  fixtures: number;
  events: number;
  /** Cases whose observable behaviour differs, in input order. */
  changed: BehaviourCase[];
  /** Fixtures that no longer parse, and cases left out when the time limit was reached. */
  skipped: number;
  timedOut: boolean;
  durationMs: number;
}

interface DiffBehaviourOptions {
  active: VersionRecord;
  candidate: VersionRecord;
  /** Inputs of recent runs, newest first; non-objects and repeats are left out. */
  recordedEvents?: unknown[];
  runner: SandboxRunner;
  directory?: DirectoryReader;
  limits?: Partial<RunLimits>;
  maxEvents?: number;
  timeLimitMs?: number;
  /** Cases in flight at once (each runs two versions). */
  parallel?: number;
  _internal?: { now?: () => number };
}

type Case = { label: string; source: 'fixture'; test: FixtureTest } | { label: string; source: 'event'; input: Record<string, unknown> };

export async function diffBehaviour(options: DiffBehaviourOptions): Promise<BehaviouralDiff> {
  const { active, candidate, recordedEvents = [], runner, directory, limits, maxEvents = 100, timeLimitMs = 10_000, parallel = 4 } = options;
  const now = options._internal?.now ?? (() => performance.now());
  const startedAt = now();

  // 1. The cases: each distinct fixture of either version, then each distinct recent event.
  const { cases: fixtureCases, invalid } = fixtureCasesOf([candidate, active]);
  const eventCases = eventCasesOf(recordedEvents, maxEvents);
  const cases: Case[] = [...fixtureCases, ...eventCases];

  // 2. Both versions on each case, `parallel` cases at a time, none started past the deadline.
  const results: Array<BehaviourCase | undefined> = new Array(cases.length);
  let next = 0;
  let started = 0;
  let timedOut = false;
  const worker = async () => {
    while (next < cases.length) {
      if (now() - startedAt > timeLimitMs) {
        timedOut = true;
        return;
      }
      const index = next++;
      started++;
      const item = cases[index] as Case;
      const [before, after] = await Promise.all([observe(item, active, runner, directory, limits), observe(item, candidate, runner, directory, limits)]);
      results[index] = {
        label: item.label,
        source: item.source,
        changes: valueChanges(before, after),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, cases.length)) }, worker));

  // 3. The changed cases.
  const compared = results.filter((result) => result !== undefined);
  return {
    from: active.version,
    to: candidate.version,
    compared: compared.length,
    fixtures: fixtureCases.length,
    events: eventCases.length,
    changed: compared.filter((result) => result.changes.length > 0),
    skipped: invalid + (cases.length - started),
    timedOut,
    durationMs: now() - startedAt,
  };
}

/** What a reviewer compares: the output or the error, and the requests made (credentials redacted). */
async function observe(item: Case, version: VersionRecord, runner: SandboxRunner, directory: DirectoryReader | undefined, limits?: Partial<RunLimits>) {
  const { host, calls } =
    item.source === 'fixture'
      ? createTestHost(item.test, version.manifest)
      : createRecordingHost({
          manifest: version.manifest,
          ...(directory ? { directory } : {}),
        });
  const event = structuredClone(item.source === 'fixture' ? item.test.input : item.input);
  const outcome: RunOutcome = await runner
    .run(
      {
        bundle: version.bundle,
        sourceMap: version.sourceMap,
        event,
        ...(limits ? { limits } : {}),
      },
      host,
    )
    .then(
      (result) => result.outcome,
      (error: unknown) => ({
        kind: 'crashed' as const,
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  return { ...outcomeFields(outcome), calls: calls.map(callFields) };
}

function outcomeFields(outcome: RunOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'returned':
      return { output: outcome.value ?? null };
    case 'threw':
    case 'crashed':
      return { error: outcome.message };
    case 'timed-out':
      return {
        error: `timed out (${outcome.limit} limit ${outcome.limitMs} ms)`,
      };
    case 'out-of-memory':
      return { error: `out of memory (${outcome.memoryLimitMb} MB)` };
  }
}

function callFields(call: OutgoingRequest): Record<string, unknown> {
  const shown = redactCredentialHeaders(call);
  return {
    request: `${shown.method.toUpperCase()} ${shown.url}`,
    ...(shown.body === undefined ? {} : { body: parseBody(shown.body) }),
  };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function fixtureCasesOf(versions: VersionRecord[]): {
  cases: Case[];
  invalid: number;
} {
  const seen = new Set<string>();
  const cases: Case[] = [];
  let invalid = 0;
  for (const fixture of versions.flatMap((version) => version.fixtures)) {
    const parsed = fixtureTestSchema.safeParse(fixture);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    const { expect: _expect, ...situation } = parsed.data;
    const key = JSON.stringify(situation);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({
      label: personLabel(parsed.data.input) ?? parsed.data.name,
      source: 'fixture',
      test: parsed.data,
    });
  }
  return { cases, invalid };
}

function eventCasesOf(events: unknown[], maxEvents: number): Case[] {
  const seen = new Set<string>();
  const cases: Case[] = [];
  for (const input of events) {
    if (cases.length >= maxEvents) break;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) continue;
    const key = JSON.stringify(input);
    if (seen.has(key)) continue;
    seen.add(key);
    const record = input as Record<string, unknown>;
    cases.push({
      label: personLabel(record) ?? `event ${String(record.id ?? cases.length + 1)}`,
      source: 'event',
      input: record,
    });
  }
  return cases;
}

/** "Søren Ødegård" from an event's person (its preferred name when set). */
function personLabel(input: unknown): string | undefined {
  const person = (input as { person?: unknown } | null)?.person;
  if (typeof person !== 'object' || person === null) return undefined;
  const { firstName, preferredName, lastName } = person as Record<string, unknown>;
  const first = typeof preferredName === 'string' && preferredName.trim() !== '' ? preferredName : firstName;
  const parts = [first, lastName].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}
