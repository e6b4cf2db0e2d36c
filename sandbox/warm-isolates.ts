// Warm isolates: runs of one bundle (keyed by its sha256 and memory limit) share an isolate, each run in a
// fresh context with the prelude and the bundle's compiled script evaluated into it, so nothing a run sets
// (globals, intrinsics, prototypes, module-scope variables) is there for the next. Different bundles never
// share an isolate. An isolate is retired after `maxRunsPerIsolate` runs, after any breach (time, memory,
// crash), when its heap in use passes `maxHeapShare` of its limit, and when a run ended with ctx calls in
// flight (a task it left could otherwise enter the isolate later). A run whose bundle's isolate is busy
// gets an isolate of its own, disposed afterwards. As soon as a run ends, the heap check and the next
// context are done on the isolate's own thread (prepareContextInBackground), overlapping the delivery of
// the result and the wait for the next job; the next run takes that context, still a new one per run.
// No synchronous call enters a warm isolate between runs: one was measured to make the next asynchronous
// call block this thread for about 0.25 ms.
import type { Isolate, Script } from 'isolated-vm';
import { bundleKey, type BundleLoader } from './bundle-loader.ts';
import type { IsolateSupply } from './isolate-supply.ts';
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { compilePrelude } from './prelude-script.ts';
import { prepareContext, prepareContextInBackground, type PreparedIsolate } from './prepared-isolate.ts';
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
  /** The context being prepared for the next run; undefined if that failed (the run prepares one in line)
   *  or the isolate was retired meanwhile (its heap was full). */
  next: Promise<PreparedIsolate | undefined> | undefined;
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

  function retire(entry: Warm, reason: RetireReason): void {
    if (warm.get(entry.key) === entry) warm.delete(entry.key);
    entry.next = undefined; // disposing the isolate ends the context being prepared, or releases it
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

  /** The heap check, then the next context, both on the isolate's thread; never rejects. */
  function prepareNext(entry: Warm): void {
    const { isolate, memoryLimitMb, prelude } = entry;
    const prepare = async (): Promise<PreparedIsolate | undefined> => {
      // Both queued at once (the isolate's thread takes them in order: the heap is measured before the new
      // context exists), so this thread waits for one hop instead of two.
      const measured = isolate.getHeapStatistics();
      const preparing = prepareContextInBackground(ivm, { isolate, memoryLimitMb, caps, prelude });
      preparing.catch(() => undefined);
      const heap = await measured;
      if (heap.used_heap_size > maxHeapShare * memoryLimitMb * BYTES_PER_MB) {
        if (!isolate.isDisposed) retire(entry, 'heap');
        return undefined;
      }
      const prepared = await preparing;
      if (!isolate.isDisposed) return prepared;
      prepared.release();
      return undefined;
    };
    entry.next = prepare().catch(() => undefined);
  }

  function lease(entry: Warm, prepared: PreparedIsolate, bundle: string): RunLease {
    const { isolate } = entry;
    return {
      prepared,
      async evaluate() {
        entry.script ??= await loader.compile(isolate, bundle, entry.hash);
        await entry.script.run(prepared.context, { release: false });
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
      entry = { key, hash, isolate, next: Promise.resolve(prepared), prelude, script: undefined, memoryLimitMb, runs: 0, busy: false };
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
      const next = entry.next;
      entry.next = undefined;
      const prepared = await next;
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
