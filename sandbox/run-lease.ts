// What one run holds while it runs: a prepared context, a way to load its bundle there, and the
// hand-back that decides whether the isolate serves another run. A fresh lease (describe, a run whose warm
// isolate is busy, warm isolates turned off) has an isolate of its own, disposed when it is handed back.
import type { BundleLoader } from './bundle-loader.ts';
import type { IsolateSupply } from './isolate-supply.ts';
import type { PreparedIsolate } from './prepared-isolate.ts';

/** Why an isolate stopped serving runs (see warm-isolates.ts). */
export type RetireReason = 'runs' | 'breach' | 'heap' | 'calls-in-flight' | 'evicted' | 'closed';

export interface RunLease {
  readonly prepared: PreparedIsolate;
  /** Loads the bundle into the lease's context for the guest entry to evaluate (bundle-loader.ts). */
  load(): Promise<void>;
  /** `retire`: the run gave a reason not to reuse the isolate; undefined lets the pool decide. */
  finish(retire: RetireReason | undefined): void;
}

export function takeFreshLease({ supply, loader, bundle, memoryLimitMb }: { supply: IsolateSupply; loader: BundleLoader; bundle: string; memoryLimitMb: number }): RunLease {
  const prepared = supply.take(memoryLimitMb);
  return {
    prepared,
    load: () => loader(prepared, bundle),
    finish() {
      prepared.dispose();
      supply.refill();
    },
  };
}
