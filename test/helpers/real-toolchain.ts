// The real pipeline parts (TS 7 checker, esbuild, the isolated-vm executor child) for tests that author
// or test functions end to end. Create once per test file; close in afterAll.

import { createTypeChecker, type CheckLimits } from '../../core/build/index.ts';
import type { Toolchain } from '../../core/pipeline/index.ts';
import { createExecutor } from '../../sandbox/index.ts';

export function createRealToolchain({ checkLimits = {} }: { checkLimits?: Partial<CheckLimits> } = {}): Toolchain & { close(): Promise<void> } {
  const checker = createTypeChecker({ limits: checkLimits });
  const runner = createExecutor({ concurrency: 2 });
  return {
    checker,
    runner,
    allowedPackages: [],
    checkLimits,
    close: async () => {
      await checker.close();
      await runner.close();
    },
  };
}
