// N worker loops over the queue: claim under a lease, renew it while the event runs, hand the event to
// `handle`; a handler that throws fails the attempt with its error (retried while attempts remain).
// stop() stops claiming, waits for in-flight events up to a deadline, then gives the rest back to the
// queue (release), so a graceful shutdown never burns an attempt and never leaves work stranded.

import type { ClaimedEvent, EventQueue } from '../../core/events/index.ts';
import type { Logger } from '../logger.ts';

export interface WorkerPoolOptions {
  queue: EventQueue;
  workers: number;
  handle(claimed: ClaimedEvent): Promise<unknown>;
  logger: Logger;
  leaseMs?: number;
  /** How long an idle worker waits before asking the queue again. */
  pollIntervalMs?: number;
  /** Worker names are `<ownerPrefix>-<n>`, shown as lease owners. */
  ownerPrefix?: string;
}

export interface WorkerPool {
  /** Events being handled right now. */
  inFlight(): number;
  stop(options: { deadlineMs: number }): Promise<{ finished: boolean; released: number }>;
}

export function startWorkerPool({ queue, workers, handle, logger, leaseMs = 60_000, pollIntervalMs = 250, ownerPrefix = `worker-${process.pid}` }: WorkerPoolOptions): WorkerPool {
  let stopping = false;
  const running = new Map<string, ClaimedEvent>();
  const wakers = new Set<() => void>();
  const idle = () => new Promise<void>((resolve) => {
    const timer = setTimeout(done, pollIntervalMs);
    function done() {
      clearTimeout(timer);
      wakers.delete(done);
      resolve();
    }
    wakers.add(done);
  });

  async function loop(owner: string): Promise<void> {
    while (!stopping) {
      let claimed: ClaimedEvent | undefined;
      try {
        claimed = await queue.claim({ owner, leaseMs });
      } catch (error) {
        logger.error({ err: error, worker: owner }, 'claim failed');
      }
      if (!claimed) {
        await idle();
        continue;
      }
      running.set(owner, claimed);
      const renewal = setInterval(() => {
        queue.renew({ id: claimed.event.id, leaseId: claimed.leaseId, leaseMs }).catch((error: unknown) => logger.error({ err: error, eventId: claimed.event.id }, 'lease renewal failed'));
      }, Math.max(10, Math.floor(leaseMs / 3)));
      try {
        await handle(claimed);
      } catch (error) {
        await failAttempt(claimed, error, owner);
      } finally {
        clearInterval(renewal);
        running.delete(owner);
      }
    }
  }

  /** The attempt fails with the handler's error, retried with backoff like any failure; if even that cannot
   *  be recorded (the store is down), the lease lapses and the event is claimed again after it. */
  async function failAttempt(claimed: ClaimedEvent, error: unknown, owner: string): Promise<void> {
    const { id } = claimed.event;
    logger.error({ err: error, eventId: id, worker: owner }, 'event handler failed; the attempt fails and the event is retried while it can be');
    const message = `the event handler failed: ${error instanceof Error ? error.message : String(error)}`;
    try {
      await queue.fail({ id, leaseId: claimed.leaseId, error: message, retryable: true });
    } catch (failed) {
      logger.error({ err: failed, eventId: id, worker: owner }, 'could not record the failed attempt; the lease will expire and the event be retried');
    }
  }

  const loops = Array.from({ length: workers }, (_, index) => loop(`${ownerPrefix}-${index + 1}`));

  return {
    inFlight: () => running.size,
    async stop({ deadlineMs }) {
      stopping = true;
      for (const wake of [...wakers]) wake();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
      const outcome = await Promise.race([Promise.all(loops).then(() => 'finished' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'finished') return { finished: true, released: 0 };
      let released = 0;
      for (const claimed of running.values()) {
        if (await queue.release({ id: claimed.event.id, leaseId: claimed.leaseId })) released += 1;
      }
      return { finished: false, released };
    },
  };
}
