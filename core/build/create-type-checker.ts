// The type-checker composition roots use: TypeScript 7 in a worker thread, one check at a time, each under
// `typeCheckTimeoutMs`. A check past the limit is reported as a value; its compiler is killed and the
// worker starts another for the next check. A worker whose compiler broke is replaced and the check
// retried once; a second failure is broken infrastructure and throws INTERNAL.

import { JoineryError } from '../errors.ts';
import { DEFAULT_CHECK_LIMITS } from './check-limits.ts';
import { createCheckProject } from './check-project.ts';
import { assertPackageNames } from './package-name.ts';
import type { WorkerStart } from './type-check-worker-protocol.ts';
import { startTypeCheckWorker, type TypeCheckWorker, type WorkerOutcome } from './type-check-worker-thread.ts';
import type { CheckReport, TypeChecker, TypeCheckerOptions } from './type-checker.ts';

/**
 * Throws for invalid options (INVALID_INPUT); declarations that do not type-check reject the first check.
 * The worker starts at once, so the first check finds it warm.
 */
export function createTypeChecker({
  extraDeclarations = {},
  allowedPackages = [],
  packagesDir,
  limits = {},
}: TypeCheckerOptions = {}): TypeChecker {
  assertPackageNames(allowedPackages);
  createCheckProject({ extraDeclarations });
  const start: WorkerStart = { extraDeclarations, allowedPackages, limits, ...(packagesDir === undefined ? {} : { packagesDir }) };
  const timeoutMs = limits.typeCheckTimeoutMs ?? DEFAULT_CHECK_LIMITS.typeCheckTimeoutMs;
  let worker: TypeCheckWorker | undefined = startTypeCheckWorker(start); // warm before the first check
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  async function attempt(source: string): Promise<WorkerOutcome> {
    const current = (worker ??= startTypeCheckWorker(start));
    const outcome = await current.run(source, timeoutMs);
    if (outcome.kind !== 'failed' || worker !== current) return outcome;
    worker = undefined; // the next attempt starts a fresh worker
    void current.stop();
    return outcome;
  }

  async function checkNow(source: string): Promise<CheckReport> {
    if (closed) throw new JoineryError('INTERNAL', 'the type-checker is closed');
    const started = performance.now();
    let outcome = await attempt(source);
    if (outcome.kind === 'failed' && outcome.code !== 'INVALID_INPUT' && !closed) outcome = await attempt(source);
    switch (outcome.kind) {
      case 'report':
        return outcome.report;
      case 'timed-out':
        return { ok: false, diagnostics: [], durationMs: performance.now() - started, limit: { limit: 'typeCheckTimeoutMs', limitMs: timeoutMs } };
      case 'failed':
        if (outcome.code === 'INVALID_INPUT') throw new JoineryError('INVALID_INPUT', outcome.message);
        throw new JoineryError('INTERNAL', closed ? 'the type-checker is closed' : `type-checker failed after a restart: ${outcome.message}`);
    }
  }

  return {
    check(source) {
      if (typeof source !== 'string') return Promise.reject(new JoineryError('INVALID_INPUT', 'source must be a string'));
      const result = queue.then(() => checkNow(source));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
      const current = worker;
      worker = undefined;
      await current?.stop();
    },
  };
}
