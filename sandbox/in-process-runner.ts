// A SandboxRunner whose isolates live in the current process. The executor child uses it, and so do
// benchmarks; everything else should use createExecutor, which keeps V8 crashes out of the caller.
// The watchdog's memory guard reads this process's resident size: in the executor child that is one run's
// alone; here, runs at the same time (or anything else the process does) count against each other.
import { JoineryError } from '../core/errors.ts';
import type { RunLimits, SandboxRunner } from '../core/execution/types.ts';
import { createBundleLoader } from './bundle-loader.ts';
import { describeInIsolate, runInIsolate } from './isolate-run.ts';
import { createIsolateSupply } from './isolate-supply.ts';
import { createWarmIsolates, type WarmIsolateOptions, type WarmStats } from './warm-isolates.ts';
import { hasNoNodeSnapshotFlag, loadIsolatedVm } from './isolated-vm-loader.ts';
import { checkBundleRequest, checkHost, eventJsonOf } from './request-checks.ts';
import { guestCaps, resolveLimits } from './run-limits.ts';

export interface InProcessRunnerOptions {
  limits?: Partial<RunLimits>;
  /** Keep one isolate prepared while idle (default true); it makes a run about 2 ms faster. */
  keepSpareIsolate?: boolean;
  /** Warm isolates per bundle with a fresh context per run (warm-isolates.ts). */
  warmIsolates?: WarmIsolateOptions;
}

export interface InProcessRunner extends SandboxRunner {
  /** Counters of the warm isolates, for tests and benchmarks. */
  warmStats(): WarmStats;
}

export function createInProcessRunner({ limits = {}, keepSpareIsolate = true, warmIsolates = {} }: InProcessRunnerOptions = {}): InProcessRunner {
  if (!hasNoNodeSnapshotFlag()) {
    throw new JoineryError('INTERNAL', 'isolated-vm needs Node started with --no-node-snapshot (node --no-node-snapshot ...)');
  }
  const ivm = loadIsolatedVm();
  const baseLimits = resolveLimits(limits);
  const supply = createIsolateSupply({ ivm, memoryLimitMb: baseLimits.memoryLimitMb, caps: guestCaps(baseLimits), keepSpare: keepSpareIsolate });
  const caps = guestCaps(baseLimits);
  const loadBundle = createBundleLoader();
  const warm = createWarmIsolates({ ivm, supply, loader: loadBundle, caps, options: warmIsolates });
  const dependencies = { supply, loadBundle, warm };
  let closed = false;
  supply.refill();

  const checkOpen = () => {
    if (closed) throw new JoineryError('SANDBOX_FAILED', 'the sandbox runner is closed');
  };

  return {
    async run(request, host) {
      checkOpen();
      checkBundleRequest(request);
      checkHost(host);
      const { bundle, sourceMap, frozenTimeMs } = request;
      const job = { bundle, sourceMap, limits: resolveLimits(baseLimits, request.limits), frozenTimeMs };
      return runInIsolate({ ...job, eventJson: eventJsonOf(request.event), host }, dependencies);
    },
    async describe(request) {
      checkOpen();
      checkBundleRequest(request);
      const job = { bundle: request.bundle, sourceMap: request.sourceMap, limits: resolveLimits(baseLimits, request.limits) };
      return describeInIsolate(job, dependencies);
    },
    warmStats: () => warm.stats(),
    async close() {
      closed = true;
      warm.close();
      supply.close();
    },
  };
}
