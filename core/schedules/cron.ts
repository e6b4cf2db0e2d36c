// Five-field cron (minute hour day-of-month month day-of-week), evaluated in UTC. Each field is `*`, a
// number, a range `a-b`, a step `*/n` or `a-b/n`, or a comma list of those; day-of-week 0-7 (0 and 7 are
// Sunday). As in classic cron, when both day fields are restricted a day matching either one fires.

import { JoineryError } from '../errors.ts';

export interface CronSchedule {
  text: string;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

const FIELDS = [['minute', 0, 59], ['hour', 0, 23], ['day of month', 1, 31], ['month', 1, 12], ['day of week', 0, 7]] as const;
const MINUTE_MS = 60_000;
/** Far enough for any real schedule (29 February on a Monday recurs within 28 years). */
const SEARCH_LIMIT_MS = 30 * 366 * 24 * 3_600_000;

export function parseCron(text: string): CronSchedule {
  const parts = typeof text === 'string' ? text.trim().split(/\s+/) : [];
  if (parts.length !== 5) throw new JoineryError('INVALID_INPUT', `cron: expected five fields (minute hour day-of-month month day-of-week), got ${JSON.stringify(text)}`);
  const [minutes = new Set<number>(), hours = new Set<number>(), days = new Set<number>(), months = new Set<number>(), weekdays = new Set<number>()] =
    FIELDS.map(([name, min, max], index) => parseField(parts[index] ?? '', name, min, max));
  if (weekdays.has(7)) weekdays.add(0);
  return {
    text: parts.join(' '),
    minutes,
    hours,
    days,
    months,
    weekdays,
    daysRestricted: parts[2] !== '*',
    weekdaysRestricted: parts[4] !== '*',
  };
}

/** The first fire time strictly after `after` (epoch ms), or undefined when there is none within 30 years. */
export function nextFireAfter(schedule: CronSchedule, after: number): number | undefined {
  let time = Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const limit = after + SEARCH_LIMIT_MS;
  while (time <= limit) {
    const date = new Date(time);
    if (!schedule.months.has(date.getUTCMonth() + 1)) time = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    else if (!dayMatches(schedule, date)) time = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
    else if (!schedule.hours.has(date.getUTCHours())) time = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours() + 1);
    else if (!schedule.minutes.has(date.getUTCMinutes())) time += MINUTE_MS;
    else return time;
  }
  return undefined;
}

function dayMatches(schedule: CronSchedule, date: Date): boolean {
  const day = schedule.days.has(date.getUTCDate());
  const weekday = schedule.weekdays.has(date.getUTCDay());
  if (schedule.daysRestricted && schedule.weekdaysRestricted) return day || weekday;
  return day && weekday;
}

function parseField(text: string, name: string, min: number, max: number): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(item);
    if (!match) throw new JoineryError('INVALID_INPUT', `cron: the ${name} field ${JSON.stringify(text)} is not *, a number, a range or a step`);
    const start = match[1] === '*' ? min : Number(match[2]);
    const end = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : start;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    if (start < min || end > max || start > end || step < 1) throw new JoineryError('INVALID_INPUT', `cron: the ${name} field ${JSON.stringify(text)} is outside ${min}-${max}`);
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}
