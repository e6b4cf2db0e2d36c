// One scheduler tick: for each schedule, the latest fire time since it last fired (or since it was
// created) that is not in the future becomes one synthetic event; the fire times skipped over during
// downtime are counted in it (`coalesced`) and not run separately. Enqueued before the fire time is
// marked, and the event id is deterministic, so a crash in between or a second scheduler fires nothing
// twice. With several nodes on one store, only the elected one ticks (ScheduleStore.tryLead).

import type { EventQueue } from '../events/index.ts';
import { nextFireAfter, parseCron } from './cron.ts';
import type { ScheduleRecord, ScheduleStore } from './types.ts';

const MAX_COUNTED = 100_000;

export async function fireDueSchedules({ schedules, queue, now }: { schedules: ScheduleStore; queue: Pick<EventQueue, 'enqueue'>; now: number }): Promise<string[]> {
  const fired: string[] = [];
  if (schedules.tryLead !== undefined && !schedules.tryLead()) return fired;
  for (const schedule of schedules.list()) {
    const due = latestDue(schedule, now);
    if (due === undefined) continue;
    const firedAt = new Date(due.at).toISOString();
    const id = `schedule:${schedule.name}:${firedAt}`;
    const event = { type: 'schedule', id, occurredAt: firedAt, schedule: { name: schedule.name, cron: schedule.cron, firedAt, coalesced: due.count } };
    await queue.enqueue({ id, type: 'schedule', payload: event, source: 'schedule' });
    schedules.markFired({ name: schedule.name, at: due.at });
    fired.push(id);
  }
  return fired;
}

function latestDue(schedule: ScheduleRecord, now: number): { at: number; count: number } | undefined {
  const cron = parseCron(schedule.cron);
  let at = nextFireAfter(cron, Date.parse(schedule.lastFiredAt ?? schedule.createdAt));
  if (at === undefined || at > now) return undefined;
  let count = 1;
  for (let next = nextFireAfter(cron, at); next !== undefined && next <= now && count < MAX_COUNTED; next = nextFireAfter(cron, next)) {
    at = next;
    count += 1;
  }
  return { at, count };
}
