// The host watchdog of one run. isolated-vm's own `timeout` misses code that runs after an awaited host
// call and promises that never settle, so the only reliable stop is disposing the isolate: at the wall
// limit (a timer) or the CPU budget (polled from isolate.cpuTime, which counts only time spent inside).
import type { Isolate } from 'isolated-vm';
import type { RunLimits } from '../core/execution/types.ts';

export interface WatchdogTrip {
  limit: 'wall' | 'cpu';
  limitMs: number;
}

export interface Watchdog {
  /** Settles when the watchdog disposed the isolate; never if the run ends first. */
  readonly tripped: Promise<WatchdogTrip>;
  readonly trip: WatchdogTrip | undefined;
  /** CPU milliseconds the isolate spent since the watchdog started. */
  cpuTimeMs(): number | undefined;
  stop(): void;
}

export function startWatchdog({
  isolate,
  limits: { wallTimeMs, cpuTimeMs },
  pollMs = 5,
}: {
  isolate: Isolate;
  limits: Pick<RunLimits, 'wallTimeMs' | 'cpuTimeMs'>;
  pollMs?: number;
}): Watchdog {
  const cpuAtStart = isolate.cpuTime;
  let trip: WatchdogTrip | undefined;
  let lastCpuMs = 0;
  let signal: (trip: WatchdogTrip) => void = () => undefined;
  const tripped = new Promise<WatchdogTrip>((resolve) => {
    signal = resolve;
  });

  const readCpuMs = () => {
    if (!isolate.isDisposed) lastCpuMs = Number(isolate.cpuTime - cpuAtStart) / 1e6;
    return lastCpuMs;
  };
  const fire = (next: WatchdogTrip) => {
    if (trip !== undefined) return;
    trip = next;
    stop();
    if (!isolate.isDisposed) isolate.dispose();
    signal(next);
  };
  const wallTimer = setTimeout(() => fire({ limit: 'wall', limitMs: wallTimeMs }), wallTimeMs);
  const cpuTimer = setInterval(() => {
    if (readCpuMs() > cpuTimeMs) fire({ limit: 'cpu', limitMs: cpuTimeMs });
  }, pollMs);
  cpuTimer.unref();

  function stop() {
    clearTimeout(wallTimer);
    clearInterval(cpuTimer);
  }

  return {
    tripped,
    get trip() {
      return trip;
    },
    cpuTimeMs: () => (trip === undefined ? readCpuMs() : lastCpuMs),
    stop,
  };
}
