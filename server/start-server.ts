// `joinery serve` as a library: the HTTP API, the workers and the metrics over ports handed in by the
// composition root (the CLI). Listens on `port` (0 picks a free one); stop() drains: readiness goes
// false, new connections are refused, workers finish or give back their events, then the socket closes.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventQueue } from '../core/events/index.ts';
import type { FlowStore } from '../core/flows/index.ts';
import type { BlastRadiusGuard } from '../core/guards/index.ts';
import type { ReservationLedger } from '../core/ledger/index.ts';
import type { ScheduleStore } from '../core/schedules/index.ts';
import type { ExecutionRecord, Registry } from '../core/registry/index.ts';
import type { TokenStore } from '../core/tokens/index.ts';
import { startConsole, type ConsoleOptions } from './console/index.ts';
import { createHandler, type HandlerDeps } from './http/create-handler.ts';
import type { Logger } from './logger.ts';
import { createRuntimeMetrics } from './metrics/runtime-metrics.ts';
import { createSubscriberFinder } from './workers/find-subscribers.ts';
import { createEventPlanner } from './workers/plan-event.ts';
import { processEvent, type StepRun } from './workers/process-event.ts';
import { startWorkerPool } from './workers/worker-pool.ts';
import { startReservationSweep } from './workers/release-stranded.ts';
import { startScheduler } from './workers/scheduler.ts';

export interface StartServerOptions {
  queue: EventQueue;
  tokens: TokenStore;
  registry: Registry;
  /** Reviewed flows; omitted, every matching function runs on its own. */
  flows?: FlowStore;
  /** Rate and failure-share limits per function and flow; omitted, none apply. */
  guard?: BlastRadiusGuard;
  /** Names reserved by events' steps: committed when an event is done, released when it fails for good. */
  ledger?: ReservationLedger;
  /** Cron triggers; omitted, nothing is scheduled. */
  schedules?: ScheduleStore;
  /** How often the scheduler looks for due schedules, and the sweep for names of ended events (default 15 s). */
  scheduleIntervalMs?: number;
  /** The scheduler's clock (tests pin it). */
  now?: () => number;
  /** Runs one function on an event the way `joinery run` does (core/pipeline runFunction). */
  runStep(run: StepRun): Promise<ExecutionRecord>;
  logger: Logger;
  port?: number;
  host?: string;
  workers?: number;
  leaseMs?: number;
  pollIntervalMs?: number;
  /** Signed webhooks (POST /v1/hooks/<source>); omitted, none are accepted. */
  hooks?: HandlerDeps['hooks'];
  /** The review console at / with its notifications and retention purge; omitted, no pages. */
  console?: ConsoleOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Drains and closes; resolves when the socket is closed. Safe to call twice. */
  stop(options?: { deadlineMs?: number }): Promise<{ finished: boolean; released: number }>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { queue, tokens, registry, flows, guard, ledger, schedules, scheduleIntervalMs = 15_000, now = Date.now, runStep, logger, hooks, port = 8080, host = '127.0.0.1', workers = 4, leaseMs, pollIntervalMs } = options;
  const reviewConsole = options.console ? startConsole({ ...options.console, registry, tokens, queue, logger, ...(flows ? { flows } : {}) }) : undefined;

  // 1. Metrics and the routes.
  const metrics = createRuntimeMetrics();
  let accepting = true;
  const routes = { queue, tokens, registry, metrics, logger, isReady: () => accepting, ...(hooks ? { hooks } : {}) };
  const server = createServer(createHandler({ ...routes, ...(reviewConsole ? { console: reviewConsole.console } : {}) }));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  // 2. Listen before the workers start, so a port clash fails fast with nothing claimed.
  await listen(server, port, host).catch(async (error: unknown) => {
    await reviewConsole?.stop();
    throw error;
  });
  const address = server.address() as AddressInfo;

  // 3. The workers.
  const planEvent = createEventPlanner({ findSubscribers: createSubscriberFinder(registry), ...(flows ? { flows } : {}), ...(schedules ? { schedules } : {}) });
  const pool = startWorkerPool({
    queue,
    workers,
    logger,
    ...(leaseMs === undefined ? {} : { leaseMs }),
    ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
    handle: async (claimed) => {
      const disposition = await processEvent(claimed, {
        queue,
        planEvent,
        ...(guard ? { guard } : {}),
        ...(ledger ? { ledger } : {}),
        runStep,
        observeStep: metrics.observeStep,
        reportError: (step, error) => logger.error({ err: error, eventId: claimed.event.id, step }, 'step failed with an internal error'),
      });
      logger.info({ eventId: claimed.event.id, attempt: claimed.attempt, disposition: disposition.kind }, 'event processed');
    },
  });
  // 4. The scheduler: due cron triggers become events.
  const scheduler = schedules ? startScheduler({ schedules, queue, now, intervalMs: scheduleIntervalMs, logger }) : undefined;
  // 5. The sweep that frees names of events that ended with no worker to free them (dead on a lost lease).
  const sweep = ledger ? startReservationSweep({ ledger, queue, intervalMs: scheduleIntervalMs, logger }) : undefined;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, workers }, 'joinery serve listening');

  let stopped: Promise<{ finished: boolean; released: number }> | undefined;
  return {
    url,
    port: address.port,
    stop: ({ deadlineMs = 30_000 } = {}) =>
      (stopped ??= (async () => {
        // 6. Drain: no more schedules or sweeps, not ready, no new connections, workers finish or give back their events.
        await scheduler?.stop();
        await sweep?.stop();
        await reviewConsole?.stop();
        accepting = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const result = await pool.stop({ deadlineMs });
        server.closeAllConnections();
        await closed;
        logger.info(result, 'joinery serve stopped');
        return result;
      })()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
