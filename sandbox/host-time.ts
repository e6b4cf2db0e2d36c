// Time the host spends in work a guest calls synchronously: the web globals' callback, logs, declaring the
// manifest, and the synchronous part of a ctx call (reading its payload). The isolate's thread waits while
// that runs, so isolate.cpuTime misses it; the watchdog adds it to the run's CPU time.

export interface HostClock {
  /** Milliseconds spent inside callbacks made by `timed`, over the clock's life. */
  readonly totalMs: number;
  /** The same callback, with the time each call takes added to the total (returns and throws alike). */
  timed<Arguments extends unknown[], Result>(callback: (...parameters: Arguments) => Result): (...parameters: Arguments) => Result;
}

export function createHostClock({ now = () => performance.now() }: { now?: () => number } = {}): HostClock {
  let totalMs = 0;
  return {
    get totalMs() {
      return totalMs;
    },
    timed(callback) {
      return (...parameters) => {
        const startedAt = now();
        try {
          return callback(...parameters);
        } finally {
          totalMs += now() - startedAt;
        }
      };
    },
  };
}
