// Names held by holders that ended with nobody to free them. A worker releases an event's reservations
// when the event fails for good, but an event can also end without a worker: when the holder of its last
// allowed attempt dies, the next claim sends it to the dead letter inside the queue. And a `joinery run`
// process killed mid-run leaves its `run:` holder behind. This sweep, run when the server starts and then
// periodically, frees the names of events that are dead or failed and of runs older than any run can last;
// it is safe to repeat and safe across nodes (a release of nothing is a no-op).

import type { EventQueue } from '../../core/events/index.ts';
import type { ReservationLedger } from '../../core/ledger/index.ts';
import { RUN_HOLDER_PREFIX } from '../../core/ledger/index.ts';
import type { Logger } from '../logger.ts';
import { startPeriodic } from './start-periodic.ts';

const ENDED = new Set(['dead', 'failed']);
/** Far beyond any run's time limit: a run holder this old belongs to a process that is gone. */
export const RUN_HOLDER_MAX_AGE_MS = 60 * 60_000;

export async function releaseStrandedReservations({ ledger, queue, now = Date.now() }: {
  ledger: ReservationLedger;
  queue: Pick<EventQueue, 'get'>;
  now?: number;
}): Promise<string[]> {
  const freed: string[] = [];
  for (const { eventId, since } of await ledger.holders()) {
    if (!(await hasEnded(eventId, since))) continue;
    if ((await ledger.release(eventId)) > 0) freed.push(eventId);
  }
  return freed;

  async function hasEnded(holder: string, since: string): Promise<boolean> {
    if (holder.startsWith(RUN_HOLDER_PREFIX)) return now - Date.parse(since) > RUN_HOLDER_MAX_AGE_MS;
    const event = await queue.get(holder);
    return event !== undefined && ENDED.has(event.status);
  }
}

/** The sweep every `intervalMs`, first at once (start-periodic.ts). */
export function startReservationSweep({ ledger, queue, intervalMs, logger }: {
  ledger: ReservationLedger;
  queue: EventQueue;
  intervalMs: number;
  logger: Logger;
}) {
  const task = async () => {
    const freed = await releaseStrandedReservations({ ledger, queue });
    if (freed.length > 0) logger.info({ events: freed }, 'freed the reserved names of events that ended without a worker');
  };
  return startPeriodic({ task, intervalMs, logger, failure: 'reservation sweep failed; the next one tries again' });
}
