// A lifecycle event given to run_function is checked with the fixture format's own schema (the `input`
// of a test case), so a run and a fixture accept exactly the same events, and the caller learns every
// missing or mistyped field before the function sees it.

import { JoineryError } from '../../core/errors.ts';
import { parseFixtures } from '../../core/fixtures/index.ts';

const MAX_LISTED = 10;

export function assertLifecycleEvent(event: Record<string, unknown>): void {
  const parsed = parseFixtures([{ name: 'event', input: event }]);
  if (parsed.ok) return;
  const problems = parsed.errors.map((problem) => `${problem.path.replace(/^\$\[0\]\.input/, 'input')}: ${problem.message}`);
  const shown = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : '';
  throw new JoineryError('INVALID_INPUT', `the event is not a lifecycle event (joinery://docs/contract.md): ${shown}${more}`);
}
