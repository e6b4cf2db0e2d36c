// The parts the pipeline needs, handed in by a composition root (the CLI, the MCP server, the evals).

import type { TypeChecker } from '../build/index.ts';
import type { RunLimits, SandboxRunner } from '../execution/types.ts';

export interface Toolchain {
  checker: TypeChecker;
  runner: SandboxRunner;
  /** npm packages authored code may import (configuration). */
  allowedPackages: string[];
  limits?: Partial<RunLimits>;
}
