// run = the active approved version (or a named approved one), a live ctx, the sandbox, and one
// execution record: secrets shown as `[secret:NAME]`, every secret value redacted as a backstop. Only
// approved versions ever run live.

import type { DirectoryStore } from '../directory/types.ts';
import { JoineryError } from '../errors.ts';
import type { RunLimits, SandboxRunner } from '../execution/types.ts';
import { redactCredentialHeaders } from '../registry/index.ts';
import type { ExecutionRecord, Registry, VersionRecord } from '../registry/types.ts';
import type { ReservationLedger } from '../ledger/index.ts';
import { createIdempotencyKeys, createLiveHost, createRunReservations, idempotencyKeyFor, renderPlaceholders, secretValuesFor, type FetchPort, type OAuthTokenCache } from '../runtime/index.ts';
import type { SecretStore } from '../secrets/types.ts';
import { resolveRunnableVersion } from './runnable-version.ts';

export const MAX_EVENT_BYTES = 256 * 1024;

export interface RunFunctionOptions {
  name: string;
  version?: number;
  /** The version, already resolved by the caller (runnableRecord) for this run: not read again. */
  record?: VersionRecord;
  event: unknown;
  caller: string;
  dryRun?: boolean;
  registry: Registry;
  directory: DirectoryStore;
  secrets: SecretStore;
  /** The egress client for the version's declared hosts: live, or a recorder for dry runs. */
  fetchFor: (egress: string[]) => FetchPort;
  runner: SandboxRunner;
  limits?: Partial<RunLimits>;
  /** Where OAuth access tokens are kept between runs; default: one cache for this process. */
  oauthTokens?: OAuthTokenCache;
  /** Where reserveUsername/reserveEmail claim names; omitted, they only check the directory. */
  ledger?: ReservationLedger;
  /** Set by `joinery serve`: reservations are held by the event (its worker commits or releases them) and
   *  the function sees this attempt. Omitted, reservations last for the run only and the attempt is 1. */
  serveRun?: {
    eventId: string;
    attempt: number;
    /** Egress entries whose requests carry `Idempotency-Key: <event id>:<function>:<attempt>`. */
    idempotencyKeyHosts?: readonly string[];
  };
}

export async function runFunction(options: RunFunctionOptions): Promise<ExecutionRecord> {
  const { name, event, caller, dryRun = false, registry, directory, secrets, fetchFor, runner, limits, oauthTokens, ledger, serveRun } = options;

  // 1. Input: a JSON object of bounded size.
  validateEvent(event);

  // 2. The version: approved, and by default the active one.
  const record = options.record ?? resolveRunnableVersion(registry, name, options.version);
  if (record.name !== name) throw new JoineryError('INTERNAL', `asked to run ${name} with a version of ${record.name}`);

  // 3. Run with a live ctx bound to the stored manifest (placeholders only in a dry run).
  const reservations = createRunReservations({ directory, dryRun, ...(ledger ? { ledger } : {}), ...(serveRun ? { eventId: serveRun.eventId } : {}) });
  const live = createLiveHost({
    reservations,
    ...(serveRun ? { attempt: serveRun.attempt } : {}),
    ...(serveRun?.idempotencyKeyHosts?.length
      ? { idempotencyKeys: createIdempotencyKeys({ hosts: serveRun.idempotencyKeyHosts, key: idempotencyKeyFor({ eventId: serveRun.eventId, functionName: name, attempt: serveRun.attempt }) }) }
      : {}),
    manifest: record.manifest,
    directory,
    secrets,
    fetch: fetchFor(record.manifest.egress),
    dryRun,
    ...(oauthTokens === undefined ? {} : { tokens: oauthTokens }),
  });
  let result: Awaited<ReturnType<SandboxRunner['run']>>;
  try {
    result = await runner.run({ bundle: record.bundle, sourceMap: record.sourceMap, event, limits }, live.host);
  } finally {
    await reservations.finish();
  }

  // 4. Log it: placeholders shown as [secret:NAME], credential headers reduced to those markers, and every
  // value the host knows (declared secrets, access tokens) redacted in every encoding.
  const shown = renderPlaceholders({ outcome: result.outcome, logs: result.logs, calls: live.calls }, live.placeholders);
  return registry.recordExecutionDurable(
    {
      name,
      version: record.version,
      eventId: eventIdOf(event),
      input: event,
      outcome: shown.outcome,
      logs: shown.logs,
      calls: shown.calls.map(redactCredentialHeaders),
      durationMs: result.durationMs,
      caller,
      dryRun,
    },
    { redact: [...secretValuesFor(record.manifest, secrets), ...live.sentValues()] },
  );
}

function validateEvent(event: unknown): void {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new JoineryError('INVALID_INPUT', 'the input must be a JSON object (a lifecycle event)');
  }
  const size = Buffer.byteLength(JSON.stringify(event), 'utf8');
  if (size > MAX_EVENT_BYTES) {
    throw new JoineryError('INVALID_INPUT', `the input is ${size} bytes; the limit is ${MAX_EVENT_BYTES}`);
  }
}

function eventIdOf(event: unknown): string | null {
  const id = (event as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}
