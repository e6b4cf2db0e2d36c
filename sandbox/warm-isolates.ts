// Warm isolates: runs of one bundle (keyed by its sha256 and memory limit) share an isolate, each run in a
// fresh context with the prelude run and the bundle's compiled script loaded into it, so nothing a run sets
// (globals, intrinsics, prototypes, module-scope variables) is there for the next. Different bundles never
// share an isolate. An isolate is retired after `maxRunsPerIsolate` runs, after any breach (time, memory,
// crash), when its heap in use passes `maxHeapShare` of its limit, and when a run ended with ctx calls in
// flight (a task it left could otherwise enter the isolate later). A run whose bundle's isolate is busy
// gets an isolate of its own, disposed afterwards. Once a run's result is delivered (a setImmediate after
// it ends), the heap check and the next context are done in line with the synchronous API: no guest code
// runs there, and each asynchronous call would cost two thread switches. A run that comes before that
// prepares its context in line itself; either way each run gets a new context.
import type { Isolate, Script } from 'isolated-vm';
import { bundleKey, loadScript, type BundleLoader } from './bundle-loader.ts';
import type { IsolateSupply } from './isolate-supply.ts';
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { compilePrelude } from './prelude-script.ts';
import { prepareContext, type PreparedIsolate } from './prepared-isolate.ts';
import type { GuestCaps } from './run-limits.ts';
import { takeFreshLease, type RunLease, type RetireReason } from './run-lease.ts';

export interface WarmIsolateOptions {
  /** Runs one isolate serves before it is retired (default 500; 1 turns warm isolates off). */
  maxRunsPerIsolate?: number;
  /** Warm isolates kept in this process, across bundles (default 8). */
  maxIsolates?: number;
  /** Their memory limits added up (default 512 MB). */
  maxMemoryMb?: number;
  /** Retired when the heap in use after a run is above this share of its memory limit (default 0.5). */
  maxHeapShare?: number;
}

export interface WarmStats {
  created: number;
  reused: number;
  /** Runs that found their bundle's isolate busy and ran in one of their own. */
  overflow: number;
  retired: Record<RetireReason, number>;
  warm: number;
}

export interface WarmIsolates {
  take(job: { bundle: string; memoryLimitMb: number }): Promise<RunLease>;
  stats(): WarmStats;
  close(): void;
}

interface Warm {
  key: string;
  hash: string;
  isolate: Isolate;
  /** The context for the next run, prepared after the last one; undefined while none is (the run prepares
   *  one in line), or after preparing failed. */
  next: PreparedIsolate | undefined;
  /** Set while the next context waits to be prepared after the last run's result is delivered. */
  preparing: NodeJS.Immediate | undefined;
  prelude: Script;
  script: Script | undefined;
  memoryLimitMb: number;
  runs: number;
  busy: boolean;
}

const BYTES_PER_MB = 1024 * 1024;

export function createWarmIsolates({
  ivm,
  supply,
  loader,
  caps,
  options = {},
}: {
  ivm: IsolatedVm;
  supply: IsolateSupply;
  loader: BundleLoader;
  caps: GuestCaps;
  options?: WarmIsolateOptions;
}): WarmIsolates {
  const { maxRunsPerIsolate = 500, maxIsolates = 8, maxMemoryMb = 512, maxHeapShare = 0.5 } = options;
  const warm = new Map<string, Warm>(); // in least recently used order
  const retired = { runs: 0, breach: 0, heap: 0, 'calls-in-flight': 0, evicted: 0, closed: 0 };
  const stats: WarmStats = { created: 0, reused: 0, overflow: 0, retired, warm: 0 };
  /** Contexts prepared with their bundle already loaded. */
  const loaded = new WeakSet<PreparedIsolate>();

  function retire(entry: Warm, reason: RetireReason): void {
    if (warm.get(entry.key) === entry) warm.delete(entry.key);
    if (entry.preparing !== undefined) clearImmediate(entry.preparing);
    entry.preparing = undefined;
    entry.next = undefined; // disposing the isolate releases the context prepared for the next run
    if (!entry.isolate.isDisposed) entry.isolate.dispose();
    stats.retired[reason]++;
  }

  function evictBeyondBounds(): void {
    const total = () => [...warm.values()].reduce((sum, entry) => sum + entry.memoryLimitMb, 0);
    for (const entry of [...warm.values()]) {
      if (warm.size <= maxIsolates && total() <= maxMemoryMb) return;
      if (!entry.busy) retire(entry, 'evicted');
    }
  }

  /** After the caller's current work (the result of the run that just ended) is delivered. */
  function prepareNext(entry: Warm): void {
    entry.preparing = setImmediate(() => {
      entry.preparing = undefined;
      entry.next = prepareNow(entry);
    });
  }

  /**
   * The heap check, then a new context with the bundle loaded (its script is compiled after the first
   * run); undefined when the isolate is gone or full (retired) or this failed.
   */
  function prepareNow(entry: Warm): PreparedIsolate | undefined {
    const { isolate, memoryLimitMb, prelude, script } = entry;
    try {
      if (isolate.isDisposed) return undefined;
      if (isolate.getHeapStatisticsSync().used_heap_size > maxHeapShare * memoryLimitMb * BYTES_PER_MB) {
        retire(entry, 'heap');
        return undefined;
      }
      const prepared = prepareContext(ivm, { isolate, memoryLimitMb, caps, prelude });
      if (script === undefined) return prepared;
      try {
        loadScript(prepared, script);
      } catch (error) {
        prepared.release();
        throw error;
      }
      loaded.add(prepared);
      return prepared;
    } catch {
      return undefined;
    }
  }

  function lease(entry: Warm, prepared: PreparedIsolate, bundle: string): RunLease {
    const { isolate } = entry;
    return {
      prepared,
      async load() {
        if (loaded.has(prepared)) return;
        entry.script ??= await loader.compile(isolate, bundle, entry.hash);
        loadScript(prepared, entry.script);
      },
      finish(verdict) {
        prepared.release();
        entry.busy = false;
        const reason = isolate.isDisposed ? 'breach' : verdict ?? (entry.runs >= maxRunsPerIsolate ? 'runs' : undefined);
        if (reason !== undefined) retire(entry, reason);
        else prepareNext(entry);
        supply.refill(); // a no-op unless this run's new isolate took the spare
      },
    };
  }

  /** The bundle's warm isolate, marked busy, or a new one; undefined when a run holds it already. */
  function reserve(bundle: string, memoryLimitMb: number): Warm | undefined {
    const hash = bundleKey(bundle);
    const key = `${hash}/${memoryLimitMb}`;
    let entry = warm.get(key);
    if (entry?.busy === true) return undefined;
    if (entry === undefined) {
      const prepared = supply.take(memoryLimitMb);
      const { isolate } = prepared;
      const prelude = compilePrelude(isolate);
      entry = { key, hash, isolate, next: prepared, preparing: undefined, prelude, script: undefined, memoryLimitMb, runs: 0, busy: false };
      stats.created++;
    } else {
      warm.delete(key); // to the most recently used end
      stats.reused++;
    }
    warm.set(key, entry);
    entry.busy = true;
    entry.runs++;
    evictBeyondBounds(); // after marking this one busy, so only others (idle ones) are evicted
    return entry;
  }

  return {
    async take(job) {
      const entry = maxRunsPerIsolate <= 1 ? undefined : reserve(job.bundle, job.memoryLimitMb);
      if (entry === undefined) {
        if (maxRunsPerIsolate > 1) stats.overflow++;
        return takeFreshLease({ supply, loader, ...job });
      }
      if (entry.preparing !== undefined) {
        clearImmediate(entry.preparing); // came before the last result was delivered: prepared here instead
        entry.preparing = undefined;
      }
      const prepared = entry.next ?? prepareNow(entry);
      entry.next = undefined;
      if (entry.isolate.isDisposed) return this.take(job); // its heap was full: retired, so a new isolate
      const { isolate, memoryLimitMb, prelude } = entry;
      return lease(entry, prepared ?? prepareContext(ivm, { isolate, memoryLimitMb, caps, prelude }), job.bundle);
    },
    stats: () => ({ ...stats, retired: { ...stats.retired }, warm: warm.size }),
    close() {
      for (const entry of [...warm.values()]) retire(entry, 'closed');
    },
  };
}
