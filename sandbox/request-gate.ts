// The outgoing requests of one run: at most `maxRequests` in all and `maxConcurrentRequests` at once
// (later ones wait their turn, first come first served, as a browser queues them), and every request in
// flight aborted when the run ends, whatever ended it. The run session holds one, so the guest sees a
// clear error; the executor parent holds one per job too, the authority should a child ever misbehave.
import type { RunLimits } from '../core/execution/types.ts';

export interface RequestGate {
  /**
   * Calls `send` once a slot is free, with a signal that aborts when the run ends. Rejects at once when
   * the run already made `maxRequests`, and when the run ends while the request waits.
   */
  run<Result>(send: (signal: AbortSignal) => Promise<Result>): Promise<Result>;
  /** The run has ended: aborts requests in flight and refuses those waiting and any later. */
  close(): void;
}

export function createRequestGate({ maxRequests, maxConcurrentRequests }: Pick<RunLimits, 'maxRequests' | 'maxConcurrentRequests'>): RequestGate {
  // Made at the first request: most runs make none, and an abort signal per run was measured on the hot path.
  let controller: AbortController | undefined;
  let closed = false;
  const waiting: Array<{ start: () => void; refuse: (error: Error) => void }> = [];
  let admitted = 0;
  let inFlight = 0;

  const ended = () => new Error('fetch: the run has ended');
  // A finished request hands its slot straight to the first one waiting, so no newcomer can slip in between.
  const acquire = () =>
    new Promise<void>((start, refuse) => {
      if (inFlight < maxConcurrentRequests) {
        inFlight++;
        start();
      } else waiting.push({ start, refuse });
    });
  const release = () => {
    const next = waiting.shift();
    if (next === undefined) inFlight--;
    else next.start();
  };

  return {
    async run(send) {
      if (closed) throw ended();
      if (admitted >= maxRequests) {
        throw new Error(`fetch: this run already made ${maxRequests} requests, the most one run may make (maxRequests)`);
      }
      admitted++;
      controller ??= new AbortController();
      const { signal } = controller;
      await acquire();
      try {
        if (signal.aborted) throw ended();
        return await send(signal);
      } finally {
        release();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      controller?.abort(ended());
      for (const request of waiting.splice(0)) request.refuse(ended());
    },
  };
}
