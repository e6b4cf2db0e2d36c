import type { RunOutcome } from '../core/execution/types.ts';

/** One line for a run's outcome. */
export function describeOutcome(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'returned':
      return `returned ${JSON.stringify(outcome.value)}`;
    case 'threw':
      return `threw: ${outcome.message}${outcome.position ? ` (line ${outcome.position.line}:${outcome.position.column})` : ''}`;
    case 'timed-out':
      return `timed out (${outcome.limit} limit ${outcome.limitMs} ms)`;
    case 'out-of-memory':
      return `ran out of memory (limit ${outcome.memoryLimitMb} MB)`;
    case 'crashed':
      return `crashed: ${outcome.message}`;
  }
}
