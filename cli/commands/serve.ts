import { join } from 'node:path';
import { JoineryError } from '../../core/errors.ts';
import { createBlastRadiusGuard, createLimitsResolver } from '../../core/guards/index.ts';
import { createHostAllowlist } from '../../core/hosts/index.ts';
import { runFunction } from '../../core/pipeline/index.ts';
import { createLogger, startServer } from '../../server/index.ts';
import { consoleOptions } from '../console-options.ts';
import type { Command } from '../command.ts';
import { createExecutor, defaultExecutorProcesses } from '../../sandbox/index.ts';
import { wholeNumberOption } from '../whole-number-option.ts';
import { untilSignalled } from '../until-signalled.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the lifecycle runtime: the events API, workers and metrics, until SIGTERM',
  usage: [
    'Usage: joinery serve [--port <n>] [--host <address>] [--workers <n>] [--drain-seconds <n>] [--lease-seconds <n>] [--dry-run]',
    '',
    '  --port <n>           listen port (default 8080; 0 picks a free one)',
    '  --host <address>     listen address (default 127.0.0.1)',
    '  --workers <n>        events run side by side (default 4); executor processes: config.json',
    '                       executorProcesses, else one per core (at most 8)',
    '  --drain-seconds <n>  on SIGTERM/SIGINT, how long running events may finish before they are',
    '                       given back to the queue (default 30)',
    '  --lease-seconds <n>  how long a worker holds an event before another may take it over, renewed while',
    '                       it runs; after a crash, events wait this long (default 60)',
    '  --dry-run            record every outgoing HTTP call instead of sending it',
    '',
    'POST /v1/events (token role operator or source) queues a lifecycle event and answers 202 {"id"};',
    'the event id is the idempotency key. GET /v1/events/<id> (operator, auditor) shows its status and',
    'results. GET /healthz, /readyz and /metrics (Prometheus text) need no token. Logs are JSON lines on',
    'standard output. Every approved, active flow whose trigger is the event type runs its steps in order;',
    'every approved, active function whose trigger matches and that is in none of those flows runs on its own.',
    '',
    'Blast-radius guards: config.json "guards": { "defaults": { "runsPerMinute": 60, "runsPerHour": 1000,',
    '"maxFailureShare": 0.5, "minRunsForFailureShare": 5, "leaverRunsPerHour": 25 }, "functions": { "<name>": {...} },',
    '"flows": { "<name>": {...} } }. Past a limit the function or flow is quarantined and its events are held;',
    '`joinery resume <name>` lifts the quarantine and replays them.',
    '',
    'Signed webhooks: config.json "hooks": { "<source>": { "secret": "<SECRET_NAME>", "mapping": "<function>" } }',
    'accepts POST /v1/hooks/<source> with X-Joinery-Timestamp (unix seconds) and X-Joinery-Signature',
    '(sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">), within 5 minutes, each delivery once.',
    '',
    'Retries: config.json "retry": { "maxAttempts": 5, "baseDelayMs": 1000, "maxDelayMs": 300000 } (the defaults). A failed',
    'attempt, or a lease that lapsed, is retried after a backoff doubling from baseDelayMs up to maxDelayMs; after',
    'maxAttempts the event is dead (joinery events list --status dead; joinery events replay <id>).',
    '',
    'Reservations: names a step claims with ctx.directory.reserveUsername/reserveEmail become a provisioned',
    'directory user when its event is done, and are freed when it ends failed or dead (or is replayed).',
    'config.json "idempotencyKeys": ["api.example.com"] adds Idempotency-Key: <event id>:<function>:<attempt>',
    'to every request a step makes to those egress entries.',
    '',
    'The review console: open the listen address in a browser and sign in with a token (joinery token create).',
    'config.json "console": { "reviewWebhookUrl" | "reviewWebhookSecret", "publicUrl", "secureCookies",',
    '"behaviouralDiffEvents", "behaviouralDiffTimeoutMs", "enabled", "oidc": { "clientId", "clientSecret", "redirectUri" } }',
    '(console.oidc: sign-in with the issuer of the top-level "oidc" section); "retention": { "executionPayloadDays": 90 }',
    'purges execution payloads older than that, hourly (the audit trail is kept).',
  ].join('\n'),
  options: { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' }, 'drain-seconds': { type: 'string' }, 'lease-seconds': { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run({ values }, context, output) {
    const port = wholeNumberOption(values.port, '--port', { min: 0, max: 65_535, fallback: 8080 });
    const workers = wholeNumberOption(values.workers, '--workers', { min: 1, max: 64, fallback: 4 });
    const drainSeconds = wholeNumberOption(values['drain-seconds'], '--drain-seconds', { min: 0, max: 3_600, fallback: 30 });
    const leaseSeconds = wholeNumberOption(values['lease-seconds'], '--lease-seconds', { min: 1, max: 3_600, fallback: 60 });
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const dryRun = Boolean(values['dry-run']);
    if (host.length === 0) throw new JoineryError('INVALID_INPUT', '--host must not be empty');

    const stores = context.stores();
    const ledger = stores.ledger();
    const logger = createLogger({ destination: context.stdout });
    // Its own executor sized to the cores (config.json executorProcesses wins); serving never needs the type-checker.
    const { limits, hooks, guards, idempotencyKeys, executorProcesses } = context.config();
    checkIdempotencyKeyHosts(idempotencyKeys);
    const runner = createExecutor({ limits, concurrency: executorProcesses ?? defaultExecutorProcesses() });
    const run = (name: string, event: unknown, caller: string, serveRun?: { eventId: string; attempt: number }) =>
      runFunction({
        name,
        event,
        caller,
        dryRun,
        registry: context.registry(),
        directory: context.directory(),
        secrets: context.secrets(),
        fetchFor: (egress) => context.fetchFor(egress, dryRun),
        runner,
        limits,
        ledger,
        ...(serveRun ? { serveRun: { ...serveRun, idempotencyKeyHosts: idempotencyKeys } } : {}),
      });
    try {
      const registry = context.registry();
      const running = await startServer({
        queue: stores.queue(),
        tokens: stores.tokens(),
        registry,
        flows: stores.flows(),
        schedules: stores.schedules(),
        guard: createBlastRadiusGuard({ store: stores.guards(), limitsFor: createLimitsResolver(guards), audit: (entry) => registry.recordAudit(entry) }),
        logger,
        port,
        host,
        workers,
        leaseMs: leaseSeconds * 1000,
        ledger,
        ...(context.config().console.enabled ? { console: consoleOptions({ context, stores, runner, limits }) } : {}),
        runStep: ({ name, event, claimed }) => run(name, event, `serve:${claimed.event.source}`, { eventId: claimed.event.id, attempt: claimed.attempt }),
        ...(Object.keys(hooks).length === 0
          ? {}
          : {
              hooks: {
                hooks,
                readSecret: (name: string) => context.secrets().get(name),
                runMapping: ({ name, payload, source }: { name: string; payload: unknown; source: string }) => run(name, payload, `hook:${source}`),
                deliveries: stores.deliveries(),
              },
            }),
      });
      output.note(`joinery serve: listening on ${running.url} with ${workers} workers${dryRun ? ' (dry run)' : ''}`);
      await untilSignalled();
      await running.stop({ deadlineMs: drainSeconds * 1000 });
      return 0;
    } finally {
      await runner.close();
    }
  },
};

/** A bad entry fails at start, naming config.json, rather than failing every step that makes a request. */
function checkIdempotencyKeyHosts(entries: string[]): void {
  try {
    createHostAllowlist(entries);
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `config.json idempotencyKeys: ${error instanceof Error ? error.message : String(error)}`);
  }
}
