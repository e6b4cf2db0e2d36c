// Hands out prepared isolates, one per run. Between runs it keeps one spare prepared with the default
// limits, so creating the isolate, its context and the prelude (about 2.5 ms, mostly `new Isolate`) stays
// off the hot path. The spare is never prepared while a run is going on: that was measured to slow the
// run down by more than preparing its isolate in line costs.
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { prepareIsolate, type PreparedIsolate } from './prepared-isolate.ts';
import type { GuestCaps } from './run-limits.ts';

export interface IsolateSupply {
  take(memoryLimitMb: number): PreparedIsolate;
  /** Prepares a spare once the caller's current work is delivered, unless one exists or is due. */
  refill(): void;
  close(): void;
}

export function createIsolateSupply({
  ivm,
  memoryLimitMb,
  caps,
  keepSpare = true,
}: {
  ivm: IsolatedVm;
  memoryLimitMb: number;
  caps: GuestCaps;
  keepSpare?: boolean;
}): IsolateSupply {
  let spare: PreparedIsolate | undefined;
  let scheduled: NodeJS.Immediate | undefined;
  let closed = false;

  const cancelRefill = () => {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
  };

  return {
    take(limitMb) {
      if (spare !== undefined && limitMb === spare.memoryLimitMb) {
        const taken = spare;
        spare = undefined;
        return taken;
      }
      cancelRefill(); // back-to-back runs: this run's isolate now, not a spare now and another after it
      return prepareIsolate(ivm, { memoryLimitMb: limitMb, caps });
    },
    refill() {
      if (!keepSpare || closed || spare !== undefined || scheduled !== undefined) return;
      scheduled = setImmediate(() => {
        scheduled = undefined;
        if (closed || spare !== undefined) return;
        try {
          spare = prepareIsolate(ivm, { memoryLimitMb, caps });
        } catch {
          spare = undefined; // take() prepares in line and reports the failure to its caller
        }
      });
      scheduled.unref();
    },
    close() {
      closed = true;
      cancelRefill();
      spare?.dispose();
      spare = undefined;
    },
  };
}
