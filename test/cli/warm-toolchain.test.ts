// The MCP warm-up: the executor processes first, then the compiler, whose synchronous start must wait
// until no sandbox job is in flight (a run's host calls and answer need the thread it would hold).

import { describe, expect, it } from 'vitest';
import type { DescribeResult, RunResult, SandboxRunner } from '../../core/execution/types.ts';
import type { Toolchain } from '../../core/pipeline/index.ts';
import { prepareWarmUp } from '../../cli/warm-toolchain.ts';

function fakeToolchain() {
  const events: string[] = [];
  let finishRun: (result: RunResult) => void = () => undefined;
  const runner: SandboxRunner = {
    run: () => new Promise<RunResult>((resolve) => {
      events.push('run started');
      finishRun = (result) => {
        events.push('run finished');
        resolve(result);
      };
    }),
    describe: async (): Promise<DescribeResult> => {
      events.push('describe');
      return { ok: false, message: 'warm-up' };
    },
    close: async () => undefined,
  };
  const toolchain: Toolchain = {
    runner,
    checker: { check: async () => (events.push('compiler started'), { ok: true, diagnostics: [], durationMs: 0 }), close: async () => undefined },
    allowedPackages: [],
  };
  return { toolchain, events, finishRun: () => finishRun({ outcome: { kind: 'returned', value: null }, logs: [], logsDropped: 0, durationMs: 1, cpuTimeMs: 1 } as unknown as RunResult) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the MCP warm-up', () => {
  it('starts the executor, then the compiler once the run in flight has finished', async () => {
    const { toolchain, events, finishRun } = fakeToolchain();
    const warmUp = prepareWarmUp(toolchain, () => undefined);
    const run = warmUp.toolchain.runner.run({ bundle: 'x', event: {} }, {} as never);
    const warming = warmUp.warm();
    await settle();
    expect(events).toEqual(['run started', 'describe']);
    finishRun();
    await run;
    await warming;
    expect(events).toEqual(['run started', 'describe', 'run finished', 'compiler started']);
  });

  it('starts the compiler right after the executor when nothing is in flight, and logs a part that fails', async () => {
    const { toolchain, events } = fakeToolchain();
    const logged: string[] = [];
    const broken = { ...toolchain, runner: { ...toolchain.runner, describe: async () => Promise.reject(new Error('no isolated-vm')) } };
    await prepareWarmUp(broken, (line) => logged.push(line)).warm();
    expect(events).toEqual(['compiler started']);
    expect(logged).toEqual(['joinery mcp: warming the sandbox failed: no isolated-vm']);
  });
});
