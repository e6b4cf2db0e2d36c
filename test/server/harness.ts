// A real `joinery serve` (startServer) over an in-memory SQLite store, with published and approved
// functions whose runs are scripted: each function's behaviour is a plain function of the event and the
// attempt. Runs go through the real run path (runFunction, the registry's execution log).

import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { HostCapabilities, RunOutcome, SandboxRunner } from '../../core/execution/types.ts';
import { createSqliteReservationLedger, type ReservationLedger } from '../../core/ledger/index.ts';
import type { DirectoryStore } from '../../core/directory/index.ts';
import { createSqliteEventQueue, type EventQueue, type RetryPolicy } from '../../core/events/index.ts';
import { createSqliteFlowStore, type FlowDefinition, type FlowStore } from '../../core/flows/index.ts';
import { createBlastRadiusGuard, createLimitsResolver, createSqliteGuardStore, type GuardLimits, type GuardStore } from '../../core/guards/index.ts';
import { createSqliteScheduleStore, type ScheduleStore } from '../../core/schedules/index.ts';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import { runFunction } from '../../core/pipeline/index.ts';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { createSecretStore } from '../../core/secrets/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, type TokenRole } from '../../core/tokens/index.ts';
import { createDryRunFetch } from '../../sandbox/egress/index.ts';
import { createSqliteDeliveryLog } from '../../core/events/index.ts';
import { createLogger, startServer, type HookSource, type RunningServer } from '../../server/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

/** `host` is the run's live ctx host (reservations, the attempt, dry-run fetch). */
export type Behaviour = (event: Record<string, unknown>, attempt: number, host: HostCapabilities) => RunOutcome | Promise<RunOutcome>;

export interface FunctionSpec {
  name: string;
  trigger?: string;
  approved?: boolean;
  egress?: string[];
  behaviour: Behaviour;
}

export interface Harness {
  server: RunningServer;
  queue: EventQueue;
  registry: Registry;
  flows: FlowStore;
  guards: GuardStore;
  schedules: ScheduleStore;
  ledger: ReservationLedger;
  directory: DirectoryStore;
  /** Inputs per function name, in order (the event, plus `steps` inside a flow). */
  inputs: Map<string, Array<Record<string, unknown>>>;
  /** Runs per function name, in order. */
  runs: Map<string, number>;
  logLines(): Array<Record<string, unknown>>;
  token(role: TokenRole, name?: string): string;
  request(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> }): Promise<{ status: number; body: any; text: string }>;
  /** Polls GET /v1/events/<id> until the status is one of `statuses`. */
  waitForStatus(id: string, statuses: string[]): Promise<any>;
  close(): Promise<void>;
}

export interface HarnessHooks {
  sources: Record<string, HookSource>;
  secrets: Record<string, string>;
  now?: () => number;
}

export async function startHarness({
  functions,
  retry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  workers = 2,
  leaseMs,
  hooks,
  flows: flowDefinitions = [],
  guardLimits,
  now,
  idempotencyKeyHosts,
}: { idempotencyKeyHosts?: string[]; functions: FunctionSpec[]; retry?: RetryPolicy; workers?: number; leaseMs?: number; hooks?: HarnessHooks; flows?: FlowDefinition[]; guardLimits?: Partial<GuardLimits>; now?: () => number }): Promise<Harness> {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db);
  const tokens = createSqliteTokenStore(db);
  const queue = createSqliteEventQueue(db, { retry });
  const flows = createSqliteFlowStore(db);
  const guards = createSqliteGuardStore(db);
  const schedules = createSqliteScheduleStore(db);
  const guard = createBlastRadiusGuard({ store: guards, limitsFor: createLimitsResolver({ defaults: guardLimits ?? {} }), audit: (entry) => registry.recordAudit(entry), ...(now ? { _internal: { now } } : {}) });
  const runs = new Map<string, number>();
  const inputs = new Map<string, Array<Record<string, unknown>>>();
  const attempts = new Map<string, number>();
  for (const spec of functions) {
    const input = samplePublishInput({ name: spec.name });
    registry.publish({ ...input, manifest: { ...input.manifest, trigger: spec.trigger ?? 'user.joined', egress: spec.egress ?? [] } });
    if (spec.approved !== false) registry.review({ name: spec.name, version: 1, reviewer: 'rita', decision: 'approved' });
  }
  for (const definition of flowDefinitions) {
    const published = flows.publish({ definition, author: 'alice@example.com' });
    flows.review({ name: published.name, version: published.version, reviewer: 'rita', decision: 'approved' });
  }
  const runner: SandboxRunner = {
    async run(request, host) {
      const spec = functions.find((candidate) => request.bundle.includes(`name: '${candidate.name}'`));
      if (!spec) throw new Error('unknown bundle');
      runs.set(spec.name, (runs.get(spec.name) ?? 0) + 1);
      const event = request.event as Record<string, unknown>;
      inputs.set(spec.name, [...(inputs.get(spec.name) ?? []), event]);
      const key = `${spec.name}/${String(event.id)}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      return { outcome: await spec.behaviour(event, attempt, host), logs: [], logsDropped: 0, durationMs: 1 };
    },
    async describe() {
      return { ok: false, message: 'not used' };
    },
    async close() {},
  };
  const lines: string[] = [];
  const destination = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  const directory = createSqliteDirectory(db);
  const secrets = createSecretStore({ db, key: randomBytes(32) });
  for (const [name, value] of Object.entries(hooks?.secrets ?? {})) secrets.set(name, value);
  const ledger = createSqliteReservationLedger(db);
  const run = (name: string, event: unknown, caller: string, serveRun?: { eventId: string; attempt: number }) =>
    runFunction({
      name, event, caller, dryRun: true, registry, directory, secrets, runner, ledger,
      fetchFor: (egress) => createDryRunFetch({ allowedHosts: egress }).fetch,
      ...(serveRun ? { serveRun: { ...serveRun, ...(idempotencyKeyHosts ? { idempotencyKeyHosts } : {}) } } : {}),
    });
  const server = await startServer({
    queue,
    tokens,
    registry,
    flows,
    // Guards only where a test is about them, so the other tests' counts are their own.
    ...(guardLimits ? { guard } : {}),
    schedules,
    scheduleIntervalMs: 5,
    ...(now ? { now } : {}),
    logger: createLogger({ destination }),
    port: 0,
    workers,
    pollIntervalMs: 5,
    ...(leaseMs === undefined ? {} : { leaseMs }),
    ledger,
    runStep: ({ name, event, claimed }) => run(name, event, `serve:${claimed.event.source}`, { eventId: claimed.event.id, attempt: claimed.attempt }),
    ...(hooks
      ? {
          hooks: {
            hooks: hooks.sources,
            readSecret: (name: string) => secrets.get(name),
            runMapping: ({ name, payload, source }: { name: string; payload: unknown; source: string }) => run(name, payload, `hook:${source}`),
            deliveries: createSqliteDeliveryLog(db, hooks.now ? { _internal: { now: hooks.now } } : {}),
            ...(hooks.now ? { now: hooks.now } : {}),
          },
        }
      : {}),
  });

  let tokenCount = 0;
  const harness: Harness = {
    server,
    queue,
    registry,
    flows,
    guards,
    schedules,
    ledger,
    directory,
    inputs,
    runs,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    token: (role, name = `${role}-${(tokenCount += 1)}`) => tokens.create({ name, role, lifetimeMs: 3_600_000 }).token,
    async request(method, path, { token, body, rawBody, headers: extraHeaders = {} } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed, text };
    },
    async waitForStatus(id, statuses) {
      const reader = harness.token('operator');
      for (let tries = 0; tries < 2_000; tries += 1) {
        const { body } = await harness.request('GET', `/v1/events/${encodeURIComponent(id)}`, { token: reader });
        if (statuses.includes(body?.status)) return body;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`event ${id} never reached ${statuses.join('|')}`);
    },
    async close() {
      await server.stop({ deadlineMs: 5_000 });
      closeDatabase(db);
    },
  };
  return harness;
}

export function joinerEvent(id: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'user.joined',
    id,
    occurredAt: '2026-11-20T09:00:00Z',
    person: { employeeId: 'E1001', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
    ...overrides,
  };
}

export const returns = (value: unknown): Behaviour => () => ({ kind: 'returned', value });
