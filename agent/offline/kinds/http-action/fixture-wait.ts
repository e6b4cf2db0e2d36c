// Fixtures for a rule's day and a step's own statuses: the event on the day the steps may run (the usual
// one), the day before and two weeks before (the wait's output, nothing called), no date on the event (no
// wait), a date that is not one (an error); a rule without a wait on a user.left event before the last day
// (the steps run at once); and each status a step answers in its own way.

import type { Person } from '../../../../core/sdk/index.ts';
import { addDays } from './expected-dates.ts';
import type { Failing } from './fixture-answers.ts';
import type { HttpActionRule } from './http-action-rule.ts';

/** The last day of the user.left events, across a year end. */
const LAST_DAY = '2026-12-31';

export interface Timing {
  /** The event's day (occurredAt's date, UTC). */
  occurredOn?: string;
  /** The event's last day; null: none. */
  lastDay?: string | null;
}

interface TimedScenario extends Timing {
  name: string;
  who: Partial<Person>;
  failing?: Failing;
}

/** The first day the steps may run for the usual event. */
const firstDay = (rule: HttpActionRule) => addDays(LAST_DAY, rule.wait?.days ?? 0) ?? LAST_DAY;

export function waitScenarios(rule: HttpActionRule, who: Partial<Person>): TimedScenario[] {
  if (!rule.wait) {
    return rule.trigger === 'user.left' ? [{ name: 'an event two weeks before the last day: the steps run at once', who, occurredOn: '2026-12-17' }] : [];
  }
  const first = firstDay(rule);
  return [
    { name: `an event the day before ${first}: nothing is called yet`, who, occurredOn: addDays(first, -1) },
    { name: `an event two weeks before ${rule.wait.date}: nothing is called yet`, who, occurredOn: addDays(LAST_DAY, -14) },
    { name: `an event after ${first}: the steps run`, who, occurredOn: addDays(first, 2) },
    { name: `no ${rule.wait.date} on the event: the steps run at once`, who, occurredOn: '2026-12-17', lastDay: null },
    { name: `a ${rule.wait.date} that is not a date (2026-02-30): an error, nothing called`, who, lastDay: '2026-02-30' },
  ];
}

export function statusScenarios(rule: HttpActionRule, who: Partial<Person>): TimedScenario[] {
  return rule.steps.flatMap((step, index) =>
    (step.onStatus ?? []).map((answer) => ({
      name: `step ${index + 1} answering ${answer.status}: ${'error' in answer ? 'its own error' : 'stops with its output'}; later steps are not called`,
      who,
      failing: { step: index + 1, status: answer.status },
    })),
  );
}

/** The event's occurredAt and lastDay: a user.left event has a last day; by default it comes on the first day the steps may run. */
export function timingOf(rule: HttpActionRule, timing: Timing): { occurredAt: string; lastDay?: string } {
  const leaving = rule.trigger === 'user.left' || rule.wait !== undefined;
  if (!leaving) return { occurredAt: '2026-11-20T09:00:00Z' };
  const lastDay = timing.lastDay === undefined ? LAST_DAY : timing.lastDay;
  const occurredOn = timing.occurredOn ?? (rule.wait ? firstDay(rule) : '2026-11-20');
  return { occurredAt: `${occurredOn}T17:30:00Z`, ...(lastDay === null ? {} : { lastDay }) };
}
