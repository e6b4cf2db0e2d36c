// The scheduler loop of joinery serve: a tick at start (so runs missed while the server was down fire at
// once, coalesced) and then every `intervalMs`. Ticks never overlap; stop() waits for a running one.

import type { EventQueue } from '../../core/events/index.ts';
import { fireDueSchedules, type ScheduleStore } from '../../core/schedules/index.ts';
import type { Logger } from '../logger.ts';
import { startPeriodic } from './start-periodic.ts';

export function startScheduler({ schedules, queue, now, intervalMs, logger }: { schedules: ScheduleStore; queue: EventQueue; now: () => number; intervalMs: number; logger: Logger }) {
  const task = async () => {
    const fired = await fireDueSchedules({ schedules, queue, now: now() });
    if (fired.length > 0) logger.info({ fired }, 'schedules fired');
  };
  return startPeriodic({ task, intervalMs, logger, failure: 'scheduler tick failed; the next tick tries again' });
}
