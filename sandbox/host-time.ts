// Time the host spends in work a guest calls synchronously: the web globals' callback, logs, declaring the
// manifest, and the synchronous part of a ctx call (reading its payload). The isolate's thread waits while
// that runs, so isolate.cpuTime misses it; the watchdog adds it to the run's CPU time.
//
// isolated-vm copies a callback's arguments before the callback starts and its result after it returns,
// and neither copy shows in isolate.cpuTime or in the callback's own time. Measured on 4 MB strings
// (test/sandbox/host-callbacks.test.ts), the copies cost about 1 ms per 300 KB, which let a loop of
// TextEncoder.encode use three times its CPU budget and encodeInto eight times. So each call is also
// charged for the bytes it moved, in and out, at COPY_BYTES_PER_MS.

/** Bytes isolated-vm copies across the boundary per millisecond, rounded down from the measured ~330 KB. */
const COPY_BYTES_PER_MS = 256 * 1024;

export interface HostClock {
  /** Milliseconds spent inside callbacks made by `timed`, plus their copy charge, over the clock's life. */
  readonly totalMs: number;
  /** The same callback, with the time each call takes and its copy charge added to the total (returns and throws alike). */
  timed<Arguments extends unknown[], Result>(callback: (...parameters: Arguments) => Result): (...parameters: Arguments) => Result;
}

/**
 * Bytes a value occupies when copied: strings at a byte a unit (most are Latin-1, which V8 stores so),
 * typed arrays by length, arrays and plain objects summed down to three levels, anything else 8 bytes.
 */
function copiedBytes(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (depth > 2 || value === null || typeof value !== 'object') return 8;
  let total = 0;
  for (const part of Array.isArray(value) ? value : Object.values(value)) total += copiedBytes(part, depth + 1);
  return total;
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
        let moved = copiedBytes(parameters);
        try {
          const result = callback(...parameters);
          moved += copiedBytes(result);
          return result;
        } finally {
          totalMs += now() - startedAt + moved / COPY_BYTES_PER_MS;
        }
      };
    },
  };
}
