// The parts the pipeline needs, handed in by a composition root (the CLI, the MCP server, the evals).

import type { BundleResult, TypeChecker } from '../build/index.ts';
import type { RunLimits, SandboxRunner } from '../execution/types.ts';

export interface Toolchain {
  checker: TypeChecker;
  runner: SandboxRunner;
  /** npm packages authored code may import (configuration). */
  allowedPackages: string[];
  limits?: Partial<RunLimits>;
  /** Overridable for tests; defaults to core/build's bundleFunction. */
  bundle?: (source: string, options: { allowedPackages: string[] }) => Promise<BundleResult>;
}
