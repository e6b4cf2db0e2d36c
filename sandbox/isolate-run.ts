// One run, or one describe, in one fresh isolate that is disposed in `finally`. The watchdog covers every
// step from the first guest instruction on; all guest misbehaviour ends as a RunOutcome value.
import type { DescribeResult, FunctionManifest, HostCapabilities, RunLimits, RunOutcome, RunResult } from '../core/execution/types.ts';
import type { BundleLoader } from './bundle-loader.ts';
import { guestCaps } from './run-limits.ts';
import type { IsolateSupply } from './isolate-supply.ts';
import { checkManifest } from './manifest.ts';
import { envelopeOutcome, failureOutcome, threwOutcome, type RunEnvelope } from './outcome.ts';
import type { PreparedIsolate } from './prepared-isolate.ts';
import { createRunSession, type RunSession } from './run-session.ts';
import { startWatchdog } from './watchdog.ts';

export interface IsolateRunDependencies {
  supply: IsolateSupply;
  loadBundle: BundleLoader;
}

interface Job {
  bundle: string;
  sourceMap: string | undefined;
  limits: RunLimits;
}

type Described = { ok: true; manifest: FunctionManifest; hasRun: boolean } | { ok: false; outcome: RunOutcome };

const COPY = Object.freeze({ arguments: Object.freeze({ copy: true }), result: Object.freeze({ copy: true }) });
const COPY_PROMISE = Object.freeze({ arguments: Object.freeze({ copy: true }), result: Object.freeze({ promise: true, copy: true }) });

export async function runInIsolate(
  { eventJson, host, ...job }: Job & { eventJson: string; host: HostCapabilities },
  dependencies: IsolateRunDependencies,
): Promise<RunResult> {
  const { outcome, session, cpuTimeMs, durationMs } = await withIsolate(job, host, dependencies, async (prepared, session) => {
    const described = await loadAndDescribe(prepared, job, dependencies.loadBundle);
    if (!described.ok) return described.outcome;
    if (!described.hasRun) return threwOutcome('TypeError: the function definition has no run(event, ctx) method', undefined, undefined);
    session.declare(described.manifest);
    const envelope = JSON.parse((await prepared.entry.apply(undefined, ['run', eventJson], COPY_PROMISE)) as string) as RunEnvelope;
    session.logs.addDropped(envelope.logsDropped);
    return envelopeOutcome(envelope, job.sourceMap);
  });
  return { outcome, logs: session.logs.entries, logsDropped: session.logs.dropped, durationMs, ...(cpuTimeMs === undefined ? {} : { cpuTimeMs }) };
}

export async function describeInIsolate(job: Job, dependencies: IsolateRunDependencies): Promise<DescribeResult> {
  let manifest: FunctionManifest | undefined;
  const { outcome } = await withIsolate(job, undefined, dependencies, async (prepared) => {
    const described = await loadAndDescribe(prepared, job, dependencies.loadBundle);
    if (!described.ok) return described.outcome;
    manifest = described.manifest;
    return { kind: 'returned', value: null };
  });
  if (manifest !== undefined) return { ok: true, manifest };
  return { ok: false, message: describeFailure(outcome) };
}

/** Takes an isolate, attaches a session, guards the body with the watchdog, and always disposes. */
async function withIsolate(
  { limits, sourceMap }: Job,
  host: HostCapabilities | undefined,
  { supply }: IsolateRunDependencies,
  body: (prepared: PreparedIsolate, session: RunSession) => Promise<RunOutcome>,
): Promise<{ outcome: RunOutcome; session: RunSession; cpuTimeMs: number | undefined; durationMs: number }> {
  const startedAt = performance.now();
  const session = createRunSession({ host, limits, startedAt });
  const prepared = await supply.take(limits.memoryLimitMb);
  prepared.attach(session);
  const watchdog = startWatchdog({ isolate: prepared.isolate, limits });
  let outcome: RunOutcome;
  let cpuTimeMs: number | undefined;
  try {
    outcome = await Promise.race([body(prepared, session), watchdog.tripped.then((trip): RunOutcome => ({ kind: 'timed-out', ...trip }))]);
  } catch (error) {
    outcome = failureOutcome({ error, trip: watchdog.trip, isolateDisposed: prepared.isolate.isDisposed, limits, sourceMap });
  } finally {
    watchdog.stop();
    cpuTimeMs = watchdog.cpuTimeMs();
    session.close();
    prepared.attach(undefined);
    prepared.dispose();
    supply.refill();
  }
  return { outcome, session, cpuTimeMs: cpuTimeMs === undefined ? undefined : round(cpuTimeMs), durationMs: round(performance.now() - startedAt) };
}

/** Steps 1-3 of every run: hand the guest its caps, evaluate the bundle's top level, read its manifest. */
async function loadAndDescribe(prepared: PreparedIsolate, { bundle, sourceMap, limits }: Job, loadBundle: BundleLoader): Promise<Described> {
  await prepared.entry.apply(undefined, ['begin', JSON.stringify(guestCaps(limits))], COPY);
  await loadBundle(prepared, bundle, limits);
  const reply = JSON.parse((await prepared.entry.apply(undefined, ['describe'], COPY)) as string) as {
    ok: boolean;
    manifest?: unknown;
    hasRun?: boolean;
    message?: string;
    error?: { message?: unknown; stack?: unknown };
  };
  if (!reply.ok) {
    if (reply.message !== undefined) return { ok: false, outcome: threwOutcome(reply.message, undefined, undefined) };
    const message = typeof reply.error?.message === 'string' ? reply.error.message : 'reading the definition failed';
    return { ok: false, outcome: threwOutcome(message, reply.error?.stack, sourceMap) };
  }
  const checked = checkManifest(reply.manifest);
  if (!checked.ok) return { ok: false, outcome: threwOutcome(checked.message, undefined, undefined) };
  return { ok: true, manifest: checked.manifest, hasRun: reply.hasRun === true };
}

function describeFailure(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'threw':
      return outcome.position === undefined ? outcome.message : `${outcome.message} (fn.ts:${outcome.position.line}:${outcome.position.column})`;
    case 'timed-out':
      return `evaluating the bundle exceeded the ${outcome.limit} time limit of ${outcome.limitMs} ms`;
    case 'out-of-memory':
      return `evaluating the bundle exceeded the memory limit of ${outcome.memoryLimitMb} MB`;
    case 'crashed':
      return outcome.message;
    case 'returned':
      return 'the bundle did not describe a function';
  }
}

const round = (milliseconds: number) => Math.round(milliseconds * 1000) / 1000;
