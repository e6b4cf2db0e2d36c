// The reference's calendar: a rule's wait worked out by parts of the date (year, month, day), apart from
// the generated body's Date arithmetic, so a mistake in either one fails the fixtures.

import type { EventShape } from './expected-values.ts';
import type { HttpActionRule } from './http-action-rule.ts';

function monthLength(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** YYYY-MM-DD plus (or minus) whole days; undefined for a date that does not exist. */
export function addDays(day: string, days: number): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) return undefined;
  let [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || date < 1 || date > monthLength(year, month)) return undefined;
  date += days;
  while (date > monthLength(year, month)) {
    date -= monthLength(year, month);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  while (date < 1) {
    [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    date += monthLength(year, month);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export type WaitOutcome = { kind: 'run' } | { kind: 'wait'; output: Record<string, unknown> } | { kind: 'error'; error: string };

/** Whether the event comes before the rule's day: its output with `<waitUntil>` put in, or the date's error. */
export function waitOf(rule: HttpActionRule, event: EventShape): WaitOutcome {
  const date = rule.wait ? event[rule.wait.date] : undefined;
  if (!rule.wait || date === undefined) return { kind: 'run' };
  const until = addDays(date, rule.wait.days);
  if (until === undefined) return { kind: 'error', error: `${rule.wait.date} "${date}" is not a YYYY-MM-DD date` };
  if ((event.occurredAt ?? '').slice(0, 10) >= until) return { kind: 'run' };
  return { kind: 'wait', output: JSON.parse(JSON.stringify(rule.wait.output).split('<waitUntil>').join(until)) };
}
