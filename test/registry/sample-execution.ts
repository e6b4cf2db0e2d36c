// A realistic ExecutionInput for registry tests; override what a test is about.

import type { ExecutionInput } from '../../core/registry/index.ts';

export function sampleExecution(overrides: Partial<ExecutionInput> = {}): ExecutionInput {
  return {
    name: 'generate-username',
    version: 1,
    eventId: 'evt-1',
    input: { type: 'user.joined', person: { firstName: 'John', lastName: 'Smith' } },
    outcome: { kind: 'returned', value: { username: 'jsmith' } },
    logs: [{ level: 'info', message: 'checked jsmith', atMs: 3 }],
    calls: [],
    durationMs: 4.5,
    caller: 'alice@example.com',
    dryRun: false,
    ...overrides,
  };
}
