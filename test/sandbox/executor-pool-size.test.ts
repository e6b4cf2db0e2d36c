// The default executor pool: one child per core, at least one, at most MAX_DEFAULT_EXECUTOR_PROCESSES.
import { describe, expect, it } from 'vitest';
import { defaultExecutorProcesses } from '../../sandbox/index.ts';

describe('defaultExecutorProcesses', () => {
  it('gives one child per core, capped', () => {
    expect(defaultExecutorProcesses(1)).toBe(1);
    expect(defaultExecutorProcesses(2)).toBe(2);
    expect(defaultExecutorProcesses(6)).toBe(6);
    expect(defaultExecutorProcesses(64)).toBe(8);
    expect(defaultExecutorProcesses(0)).toBe(1);
  });
});
