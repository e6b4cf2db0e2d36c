// The fault test of bench/serve-load.ts, smaller: 200 joiner events (50 named John Smith) from 8 clients
// to a spawned `joinery serve` with 4 workers; kill -9 once 60 are done, restart on the same home. Every
// event completes, no username is given twice, no outgoing call is recorded twice for one attempt.

import { expect, it } from 'vitest';
import { problemsOf } from '../../bench/serve-load.ts';
import { runLoad } from '../../bench/serve-load/run-load.ts';

it('survives kill -9 mid-load: every event done, no duplicate usernames, no call recorded twice for one attempt', async () => {
  const result = await runLoad({ events: 200, sameNames: 50, clients: 8, workers: 4, killAfterDone: 60, leaseSeconds: 2, deadlineMs: 240_000 });
  expect(result.killed).toBe(true);
  expect(problemsOf(result, 200)).toEqual([]);
  expect(result.done).toBe(200);
  expect(result.duplicateUsernames).toEqual([]);
  expect(result.repeatedCalls).toEqual([]);
  expect(result.createAccountCalls).toBeGreaterThanOrEqual(200);
}, 300_000);
