// The scheduler loop of joinery serve: a tick at start (so runs missed while the server was down fire at
// once, coalesced) and then every `intervalMs`. Ticks never overlap; stop() waits for a running one.

import type { EventQueue } from '../../core/events/index.ts';
import { fireDueSchedules, type ScheduleStore } from '../../core/schedules/index.ts';
import type { Logger } from '../logger.ts';

export function startScheduler({ schedules, queue, now, intervalMs, logger }: { schedules: ScheduleStore; queue: EventQueue; now: () => number; intervalMs: number; logger: Logger }) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        const fired = await fireDueSchedules({ schedules, queue, now: now() });
        if (fired.length > 0) logger.info({ fired }, 'schedules fired');
      } catch (error) {
        logger.error({ err: error }, 'scheduler tick failed; the next tick tries again');
      }
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    /** Runs one tick now (tests advance a pinned clock, then tick). */
    tick: async () => {
      tick();
      await running;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
