// Hands out prepared isolates, one per run. While idle it keeps one spare prepared for the default memory
// limit, so creating the isolate, its context and the prelude stays off the hot path.
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { prepareIsolate, type PreparedIsolate } from './prepared-isolate.ts';

export interface IsolateSupply {
  take(memoryLimitMb: number): Promise<PreparedIsolate>;
  /** Prepares the spare soon, after the caller's current work has been delivered. */
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
  let refillScheduled = false;
  let closed = false;

  const prepareSpare = () => {
    const prepared = prepareIsolate(ivm, { memoryLimitMb });
    prepared.catch(() => undefined); // a failed spare is retried by take(); never an unhandled rejection
    return prepared;
  };

  return {
    async take(limitMb) {
      if (spare !== undefined && limitMb === memoryLimitMb) {
        const taken = spare;
        spare = undefined;
        const prepared = await taken.catch(() => undefined);
        if (prepared !== undefined) return prepared;
      }
      return prepareIsolate(ivm, { memoryLimitMb: limitMb });
    },
    refill() {
      if (!keepSpare || closed || spare !== undefined || refillScheduled) return;
      refillScheduled = true;
      setImmediate(() => {
        refillScheduled = false;
        if (!closed && spare === undefined) spare = prepareSpare();
      }).unref();
    },
    close() {
      closed = true;
      const pending = spare;
      spare = undefined;
      void pending?.then((prepared) => prepared.dispose(), () => undefined);
    },
  };
}
