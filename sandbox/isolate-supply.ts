// Hands out prepared isolates, one per run. Between runs it keeps one spare prepared for the default memory
// limit, so creating the isolate, its context and the prelude (about 2.5 ms, mostly the synchronous
// `new Isolate`) stays off the hot path. The spare is never prepared while a run is going on: measured,
// that slows the run by more than preparing its isolate in line would.
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { prepareIsolate, type PreparedIsolate } from './prepared-isolate.ts';

export interface IsolateSupply {
  take(memoryLimitMb: number): Promise<PreparedIsolate>;
  /** Prepares a spare soon (after the caller's current work), unless one exists or is on its way. */
  refill(): void;
  close(): void;
}

export function createIsolateSupply({
  ivm,
  memoryLimitMb,
  keepSpare = true,
}: {
  ivm: IsolatedVm;
  memoryLimitMb: number;
  keepSpare?: boolean;
}): IsolateSupply {
  let spare: Promise<PreparedIsolate> | undefined;
  let scheduled: NodeJS.Immediate | undefined;
  let closed = false;

  function refill(): void {
    if (!keepSpare || closed || spare !== undefined || scheduled !== undefined) return;
    scheduled = setImmediate(() => {
      scheduled = undefined;
      if (closed || spare !== undefined) return;
      spare = prepareIsolate(ivm, { memoryLimitMb });
      spare.catch(() => undefined); // a failed spare is replaced by take(); never an unhandled rejection
    });
    scheduled.unref();
  }

  return {
    async take(limitMb) {
      if (spare !== undefined && limitMb === memoryLimitMb) {
        const taken = spare;
        spare = undefined;
        const prepared = await taken.catch(() => undefined);
        if (prepared !== undefined) return prepared;
      }
      // Back-to-back runs: prepare this run's isolate now, instead of a spare now and another after it.
      if (scheduled !== undefined) clearImmediate(scheduled);
      scheduled = undefined;
      return prepareIsolate(ivm, { memoryLimitMb: limitMb });
    },
    refill,
    close() {
      closed = true;
      if (scheduled !== undefined) clearImmediate(scheduled);
      const pending = spare;
      spare = undefined;
      void pending?.then((prepared) => prepared.dispose(), () => undefined);
    },
  };
}
