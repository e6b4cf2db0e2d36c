// Warming for long-lived servers (`joinery mcp`): starts the executor processes and the compiler ahead of
// the first call, so an assistant's first run_function or check_function does not pay for them. Warming
// starts after the server has answered `initialize`, never before: the handshake must not wait for it.

import { BUNDLE_FOOTER } from '../core/build/index.ts';
import type { SandboxRunner } from '../core/execution/types.ts';
import type { Toolchain } from '../core/pipeline/index.ts';

/** A definition as the bundler emits it: describing it makes every executor process start and load isolated-vm. */
const WARM_UP_BUNDLE = `var __fn = { default: { name: 'warm-up', description: 'warm-up', trigger: 'manual', egress: [], secrets: [], run: () => null } };\n${BUNDLE_FOOTER}`;

export interface WarmUp {
  /** The toolchain to serve with: the same parts, its runner counting the jobs in flight. */
  toolchain: Toolchain;
  /** Never throws and never rejects: a part that cannot start reports it on the first real call. */
  warm(): Promise<void>;
}

export function prepareWarmUp(toolchain: Toolchain, log: (line: string) => void): WarmUp {
  const tracked = trackJobs(toolchain.runner);
  const failed = (part: string) => (error: unknown) => log(`joinery mcp: warming the ${part} failed: ${error instanceof Error ? error.message : String(error)}`);
  return {
    toolchain: { ...toolchain, runner: tracked.runner },
    async warm() {
      // 1. The executor processes: forking returns at once, they boot on their own.
      await tracked.runner.describe({ bundle: WARM_UP_BUNDLE }).then(() => undefined, failed('sandbox'));
      // 2. The compiler, once no sandbox job is in flight and what the last one's caller does next (record
      //    it, answer) has been done: its start holds this thread (TypeScript 7's synchronous API).
      await tracked.idle();
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await toolchain.checker.check('');
      } catch (error) {
        failed('type-checker')(error);
      }
    },
  };
}

/** The runner, counting its jobs in flight, and a promise for the next moment it has none. */
function trackJobs(runner: SandboxRunner): { runner: SandboxRunner; idle(): Promise<void> } {
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  const counted = <T>(job: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    const settled = () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
    };
    let promise: Promise<T>;
    try {
      promise = job();
    } catch (error) {
      settled();
      throw error;
    }
    return promise.finally(settled);
  };
  return {
    runner: {
      run: (request, host) => counted(() => runner.run(request, host)),
      describe: (request) => counted(() => runner.describe(request)),
      close: () => runner.close(),
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}
