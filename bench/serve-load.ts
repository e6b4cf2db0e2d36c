// Load and fault test of `joinery serve` (loopback only, bounded, stops by itself): 1,000 joiner events,
// 50 of them for people all called John Smith, from 8 concurrent clients to a spawned `joinery serve
// --dry-run` with 4 workers running the flow generate-username → create-account (one recorded POST).
// Checks: every event done, 0 duplicate usernames (results, provisioned directory users), no outgoing call
// recorded twice for one (event, step, attempt). Prints events/s and p50/p99 latency (submit → done).
// --fault: kill -9 the server once a third of the events are done, restart it on the same home.
// Run: node --no-node-snapshot --import tsx bench/serve-load.ts [--fault] [--events 1000]

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { percentile } from './serve-load/check-run.ts';
import { runLoad, type LoadResult } from './serve-load/run-load.ts';

export async function benchServeLoad({ events = 1_000, fault = false }: { events?: number; fault?: boolean } = {}): Promise<Record<string, number>> {
  const result = await runLoad({ events, sameNames: Math.min(50, events), clients: 8, workers: 4, ...(fault ? { killAfterDone: Math.floor(events / 3) } : {}) });
  report(result, { events, fault });
  const problems = problemsOf(result, events);
  if (problems.length > 0) throw new Error(`serve load test failed: ${problems.join('; ')}`);
  return { eventsPerSecond: result.eventsPerSecond, p50LatencyMs: percentile(result.latenciesMs, 0.5), p99LatencyMs: percentile(result.latenciesMs, 0.99), retriedEvents: result.retriedEvents };
}

export function problemsOf(result: LoadResult, events: number): string[] {
  const problems: string[] = [];
  if (result.done !== events) problems.push(`${events - result.done} events not done: ${result.notDone.slice(0, 5).join(', ')}`);
  if (result.duplicateUsernames.length > 0) problems.push(`duplicate usernames: ${result.duplicateUsernames.slice(0, 5).join(', ')}`);
  if (result.provisionedUsers !== events) problems.push(`${result.provisionedUsers} provisioned users for ${events} events`);
  if (result.mismatched.length > 0) problems.push(`results and directory disagree for ${result.mismatched.slice(0, 5).join(', ')}`);
  if (result.reservationsLeft > 0) problems.push(`${result.reservationsLeft} reservations left over`);
  if (result.repeatedCalls.length > 0) problems.push(`calls recorded twice for one attempt: ${result.repeatedCalls.slice(0, 5).join(', ')}`);
  return problems;
}

function report(result: LoadResult, { events, fault }: { events: number; fault: boolean }): void {
  console.log(`serve load: ${events} joiner events (50 named John Smith), 8 clients, 4 workers, flow generate-username → create-account (dry run)${fault ? ', kill -9 after a third were done, then restarted' : ''}`);
  console.log(`  ${result.done}/${events} done in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.eventsPerSecond.toFixed(1)} events/s`);
  console.log(`  latency submit → done: p50 ${percentile(result.latenciesMs, 0.5).toFixed(0)} ms, p99 ${percentile(result.latenciesMs, 0.99).toFixed(0)} ms`);
  console.log(`  duplicate usernames ${result.duplicateUsernames.length}, provisioned users ${result.provisionedUsers}, reservations left ${result.reservationsLeft}`);
  console.log(`  create-account calls recorded ${result.createAccountCalls}, recorded twice for one attempt ${result.repeatedCalls.length}, events retried ${result.retriedEvents}`);
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { values } = parseArgs({ options: { fault: { type: 'boolean' }, events: { type: 'string' } } });
  await benchServeLoad({ events: values.events === undefined ? 1_000 : Number(values.events), fault: Boolean(values.fault) });
}
