// One deadline for a whole exchange (DNS, connect, every redirect hop, the body), plus the caller's own
// cancellation. Anything awaited during the exchange is raced against its signal.

export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the time ran out (as opposed to the caller cancelling). */
  timedOut(): boolean;
  clear(): void;
}

export function startDeadline({ timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal | undefined }): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error('timed out'));
  }, timeoutMs);
  return {
    signal: signal === undefined ? controller.signal : AbortSignal.any([controller.signal, signal]),
    timedOut: () => expired,
    clear: () => clearTimeout(timer),
  };
}

/** Settles with the promise, or rejects as soon as the signal aborts (the promise is left to settle unseen). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
