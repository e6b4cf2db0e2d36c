// The parts the pipeline needs, handed in by a composition root (the CLI, the MCP server, the evals).

import type { CheckLimits, TypeChecker } from '../build/index.ts';
import type { RunLimits, SandboxRunner } from '../execution/types.ts';

export interface Toolchain {
  /** Built with the same `checkLimits` (it enforces typeCheckTimeoutMs and maxStatements itself). */
  checker: TypeChecker;
  runner: SandboxRunner;
  /** npm packages authored code may import (configuration). */
  allowedPackages: string[];
  limits?: Partial<RunLimits>;
  /** maxSourceBytes and bundleTimeoutMs apply in checkFunction; defaults DEFAULT_CHECK_LIMITS. */
  checkLimits?: Partial<CheckLimits>;
}
