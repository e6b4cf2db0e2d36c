// One run in a fresh context of its bundle's warm isolate (warm-isolates.ts), or one describe in a fresh
// isolate; the lease is handed back in `finally`. The watchdog covers every step from the first guest
// instruction on; all guest misbehaviour ends as a RunOutcome value.
import type { DescribeResult, FunctionManifest, HostCapabilities, RunLimits, RunOutcome, RunResult } from '../core/execution/types.ts';
import type { BundleLoader } from './bundle-loader.ts';
import { takeFreshLease, type RetireReason, type RunLease } from './run-lease.ts';
import type { WarmIsolates } from './warm-isolates.ts';
import { guestCaps } from './run-limits.ts';
import type { IsolateSupply } from './isolate-supply.ts';
import { checkManifest } from './manifest.ts';
import { envelopeOutcome, failureOutcome, threwOutcome, tripOutcome, type RunEnvelope } from './outcome.ts';
import type { PreparedIsolate } from './prepared-isolate.ts';
import { createRunSession, type RunSession } from './run-session.ts';
import { awaitRunEnvelope } from './run-settlement.ts';
import { startWatchdog } from './watchdog.ts';

export interface IsolateRunDependencies {
  supply: IsolateSupply;
  loadBundle: BundleLoader;
  warm: WarmIsolates;
}

interface Job {
  bundle: string;
  sourceMap: string | undefined;
  limits: RunLimits;
  /** Runs only: the guest's clock stands still at this time (RunRequest.frozenTimeMs). */
  frozenTimeMs?: number | undefined;
}

const NO_RUN_MESSAGE = 'TypeError: the function definition has no run(event, ctx) method';
const COPY = Object.freeze({ arguments: Object.freeze({ copy: true }), result: Object.freeze({ copy: true }) });

export async function runInIsolate(
  { eventJson, host, ...job }: Job & { eventJson: string; host: HostCapabilities },
  dependencies: IsolateRunDependencies,
): Promise<RunResult> {
  const lease = await dependencies.warm.take({ bundle: job.bundle, memoryLimitMb: job.limits.memoryLimitMb });
  const { outcome, session, cpuTimeMs, durationMs } = await withIsolate(job, host, lease, async (prepared, session) => {
    await loadBundle(lease, job);
    const { envelope, quiet } = await awaitRunEnvelope({ entry: prepared.entry, isolate: prepared.isolate, eventJson, logs: session.logs });
    session.logs.addDropped(envelope.logsDropped);
    return { outcome: envelopeOutcome(envelope, job.sourceMap), retire: quiet ? undefined : 'calls-in-flight' };
  });
  return { outcome, logs: session.logs.entries, logsDropped: session.logs.dropped, durationMs, ...(cpuTimeMs === undefined ? {} : { cpuTimeMs }) };
}

export async function describeInIsolate(job: Job, dependencies: IsolateRunDependencies): Promise<DescribeResult> {
  let manifest: FunctionManifest | undefined;
  const lease = takeFreshLease({ supply: dependencies.supply, loader: dependencies.loadBundle, bundle: job.bundle, memoryLimitMb: job.limits.memoryLimitMb });
  const { outcome } = await withIsolate(job, undefined, lease, async (prepared) => {
    await loadBundle(lease, job);
    const definition = JSON.parse((await prepared.entry.apply(undefined, ['describe'], COPY)) as string) as RunEnvelope & { manifest?: unknown; hasRun?: unknown };
    if (!definition.ok) return { outcome: envelopeOutcome(definition, job.sourceMap) };
    if (definition.hasRun !== true) return { outcome: threwOutcome(NO_RUN_MESSAGE, undefined, undefined) };
    const checked = checkManifest(definition.manifest);
    if (!checked.ok) return { outcome: threwOutcome(checked.message, undefined, undefined) };
    manifest = checked.manifest;
    return { outcome: { kind: 'returned', value: null } };
  });
  if (manifest !== undefined) return { ok: true, manifest };
  return { ok: false, message: describeFailure(outcome) };
}

type BodyResult = { outcome: RunOutcome; retire?: RetireReason | undefined };

/** Attaches a session to the lease's context, guards the body with the watchdog, and always hands back. */
async function withIsolate(
  { limits, sourceMap }: Job,
  host: HostCapabilities | undefined,
  lease: RunLease,
  body: (prepared: PreparedIsolate, session: RunSession) => Promise<BodyResult>,
): Promise<{ outcome: RunOutcome; session: RunSession; cpuTimeMs: number | undefined; durationMs: number }> {
  const startedAt = performance.now();
  const session = createRunSession({ host, limits, startedAt });
  const { prepared } = lease;
  prepared.attach(session);
  const watchdog = startWatchdog({ isolate: prepared.isolate, limits, hostTimeMs: prepared.hostTimeMs });
  let outcome: RunOutcome;
  let retire: RetireReason | undefined;
  let cpuTimeMs: number | undefined;
  try {
    ({ outcome, retire } = await Promise.race([body(prepared, session), watchdog.tripped.then((trip): BodyResult => ({ outcome: tripOutcome(trip) }))]));
  } catch (error) {
    outcome = failureOutcome({ error, trip: watchdog.trip, isolateDisposed: prepared.isolate.isDisposed, limits, sourceMap });
  } finally {
    watchdog.stop();
    cpuTimeMs = watchdog.cpuTimeMs();
    session.close();
  }
  // Anything but an answer from the guest (a limit, a crash) retires the isolate.
  const breach = watchdog.trip !== undefined || outcome.kind === 'timed-out' || outcome.kind === 'out-of-memory' || outcome.kind === 'crashed';
  lease.finish(breach ? 'breach' : retire);
  return { outcome, session, cpuTimeMs: cpuTimeMs === undefined ? undefined : round(cpuTimeMs), durationMs: round(performance.now() - startedAt) };
}

/**
 * Hands the guest side this job's caps if they differ from its defaults and freezes its clock if the job
 * asks (both run only the prelude's code, in line), then loads the bundle, whose top level the entry
 * evaluates first in 'run' or 'describe' (it sees the frozen clock too).
 */
async function loadBundle(lease: RunLease, { limits, frozenTimeMs }: Job): Promise<void> {
  const capsJson = JSON.stringify(guestCaps(limits));
  if (capsJson !== lease.prepared.capsJson) lease.prepared.entry.applySync(undefined, ['caps', capsJson], COPY);
  if (frozenTimeMs !== undefined) lease.prepared.entry.applySync(undefined, ['clock', JSON.stringify(frozenTimeMs)], COPY);
  await lease.load();
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
