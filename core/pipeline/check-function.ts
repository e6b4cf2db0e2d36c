// check = type-check + bundle + read the manifest in the sandbox. Every problem is a value with a
// position, so the CLI prints it, the agent hands it back to the model and the registry stores it.

import { bundleFunction, formatBundleError, formatDiagnostic } from '../build/index.ts';
import type { FunctionManifest } from '../execution/types.ts';
import { validateManifest } from './manifest.ts';
import type { Toolchain } from './toolchain.ts';

export type CheckStage = 'type-check' | 'bundle' | 'manifest';

export interface CheckProblem {
  stage: CheckStage;
  /** `line:column message` for type errors, `fn.ts:line:column message` for bundle errors. */
  text: string;
  line?: number;
  column?: number;
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

  // 1. Types: the SDK and ES2022 only.
  const typeReport = toolchain.checker.check(source);
  for (const diagnostic of typeReport.diagnostics) {
    problems.push({ stage: 'type-check', text: formatDiagnostic(diagnostic), line: diagnostic.line, column: diagnostic.column });
  }

  // 2. Bundle: allowlisted packages only; reported even when types failed, so one round shows both.
  const bundled = await bundleFunction(source, { allowedPackages: toolchain.allowedPackages });
  if (!bundled.ok) {
    for (const error of bundled.errors) {
      problems.push({ stage: 'bundle', text: formatBundleError(error), line: error.line, column: error.column });
    }
    return finish();
  }
  const code = { code: bundled.bundle, sourceMap: bundled.sourceMap };
  if (problems.length > 0) return finish({ bundle: code });

  // 3. Manifest: evaluate the top level in the sandbox and validate what the definition declares.
  const described = await toolchain.runner.describe({ bundle: bundled.bundle, sourceMap: bundled.sourceMap, limits: toolchain.limits });
  if (!described.ok) {
    problems.push({ stage: 'manifest', text: described.message });
    return finish({ bundle: code });
  }
  for (const problem of validateManifest(described.manifest)) problems.push({ stage: 'manifest', text: problem });
  return finish({ bundle: code, manifest: described.manifest });
}
