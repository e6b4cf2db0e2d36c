// Five-field cron in UTC: the next fire time for common shapes, and clear refusals.

import { describe, expect, it } from 'vitest';
import { nextFireAfter, parseCron } from '../../core/schedules/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

const at = (iso: string) => Date.parse(iso);
const next = (cron: string, after: string) => {
  const fire = nextFireAfter(parseCron(cron), at(after));
  return fire === undefined ? undefined : new Date(fire).toISOString();
};

describe('cron', () => {
  it.each([
    ['* * * * *', '2026-12-01T09:00:30Z', '2026-12-01T09:01:00.000Z'],
    ['0 * * * *', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00.000Z'],
    ['*/15 9-17 * * *', '2026-12-01T17:50:00Z', '2026-12-02T09:00:00.000Z'],
    ['30 2 1 * *', '2026-12-01T03:00:00Z', '2027-01-01T02:30:00.000Z'],
    ['0 9 * * 1-5', '2026-12-04T09:00:00Z', '2026-12-07T09:00:00.000Z'],
    ['0 0 * * 7', '2026-12-01T00:00:00Z', '2026-12-06T00:00:00.000Z'],
    ['0 0 13 * 5', '2026-12-01T00:00:00Z', '2026-12-04T00:00:00.000Z'],
    ['0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 31 4 *', '2026-01-01T00:00:00Z', undefined],
  ])('%s after %s is %s', (cron, after, expected) => {
    expect(next(cron, after)).toBe(expected);
  });

  it.each([['* * * *'], ['60 * * * *'], ['* 24 * * *'], ['* * 0 * *'], ['5-1 * * * *'], ['*/0 * * * *'], ['@daily'], ['MON * * * *']])('refuses %j', (cron) => {
    expectError(() => parseCron(cron), 'INVALID_INPUT', 'cron:');
  });
});
