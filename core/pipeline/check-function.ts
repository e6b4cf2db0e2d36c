// check = type-check + bundle + read the manifest in the sandbox. Every problem is a value with a
// position, so the CLI prints it, the agent hands it back to the model and the registry stores it. Each
// step runs under a limit (core/build/check-limits.ts); a check that hits one stops there, with a problem
// that names the limit.

import {
  DEFAULT_CHECK_LIMITS, bundleFunction, describeLimitExceeded, formatBundleError, formatDiagnostic, sourceSizeExceeded,
  type CheckLimitName, type LimitExceeded,
} from '../build/index.ts';
import type { FunctionManifest } from '../execution/types.ts';
import { validateManifest } from './manifest.ts';
import type { Toolchain } from './toolchain.ts';

export type CheckStage = 'limits' | 'type-check' | 'bundle' | 'manifest';

export interface CheckProblem {
  stage: CheckStage;
  /** `line:column message` for type errors, `fn.ts:line:column message` for bundle errors. */
  text: string;
  line?: number;
  column?: number;
  /** Set when a limit stopped or refused the check: which one (the text names it and its figure). */
  limit?: CheckLimitName;
}

export interface CheckResult {
  ok: boolean;
  problems: CheckProblem[];
  /** Present when bundling succeeded. */
  bundle?: { code: string; sourceMap: string };
  /** Present when the bundle's definition could be read and is valid. */
  manifest?: FunctionManifest;
  durationMs: number;
}

export async function checkFunction({ source, toolchain }: { source: string; toolchain: Toolchain }): Promise<CheckResult> {
  const started = performance.now();
  const problems: CheckProblem[] = [];
  const finish = (extra: Partial<CheckResult> = {}): CheckResult => ({
    ok: problems.length === 0,
    problems,
    durationMs: performance.now() - started,
    ...extra,
  });

  const stopAt = (stage: CheckStage, exceeded: LimitExceeded): CheckResult => {
    problems.push({ stage, text: describeLimitExceeded(exceeded), limit: exceeded.limit });
    return finish();
  };
  const maxSourceBytes = toolchain.checkLimits?.maxSourceBytes ?? DEFAULT_CHECK_LIMITS.maxSourceBytes;
  const bundleTimeoutMs = toolchain.checkLimits?.bundleTimeoutMs ?? DEFAULT_CHECK_LIMITS.bundleTimeoutMs;

  // 1. Size, before any compiler sees the source.
  const tooLarge = sourceSizeExceeded(source, maxSourceBytes);
  if (tooLarge) return stopAt('limits', tooLarge);

  // 2. Types: the SDK and ES2022 only, off this event loop, under typeCheckTimeoutMs and maxStatements.
  const typeReport = await toolchain.checker.check(source);
  if (typeReport.limit) return stopAt(typeReport.limit.limit === 'maxStatements' ? 'limits' : 'type-check', typeReport.limit);
  for (const diagnostic of typeReport.diagnostics) {
    problems.push({ stage: 'type-check', text: formatDiagnostic(diagnostic), line: diagnostic.line, column: diagnostic.column });
  }

  // 3. Bundle: allowlisted packages only; reported even when types failed, so one round shows both.
  const bundled = await bundleFunction(source, { allowedPackages: toolchain.allowedPackages, timeoutMs: bundleTimeoutMs });
  if (!bundled.ok) {
    if (bundled.limit) return stopAt('bundle', bundled.limit);
    for (const error of bundled.errors) {
      problems.push({ stage: 'bundle', text: formatBundleError(error), line: error.line, column: error.column });
    }
    return finish();
  }
  const code = { code: bundled.bundle, sourceMap: bundled.sourceMap };
  if (problems.length > 0) return finish({ bundle: code });

  // 4. Manifest: evaluate the top level in the sandbox and validate what the definition declares.
  const described = await toolchain.runner.describe({ bundle: bundled.bundle, sourceMap: bundled.sourceMap, limits: toolchain.limits });
  if (!described.ok) {
    problems.push({ stage: 'manifest', text: described.message });
    return finish({ bundle: code });
  }
  for (const problem of validateManifest(described.manifest)) problems.push({ stage: 'manifest', text: problem });
  return finish({ bundle: code, manifest: described.manifest });
}

/** The problem that stopped a check at a limit, if one did: MCP tools answer it as a CHECK_FAILED error. */
export function limitProblem(result: CheckResult): CheckProblem | undefined {
  return result.problems.find((problem) => problem.limit !== undefined);
}
