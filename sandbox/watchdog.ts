// The host watchdog of one run. isolated-vm's own `timeout` misses code that runs after an awaited host
// call and promises that never settle, so the only reliable stop is disposing the isolate: at the wall
// limit (a timer), the CPU budget, or the process memory guard (both polled).
// CPU is isolate.cpuTime, which counts only time inside the isolate, plus the time the host spent in the
// synchronous callbacks the guest called (btoa, TextEncoder, ...): the isolate's thread waits meanwhile.
// The memory guard covers what isolated-vm's memory limit does not see (memory held outside the V8 heap,
// such as ICU objects behind Intl): the process may grow by `processGrowthAllowanceMb` during the run.
import type { Isolate } from 'isolated-vm';
import type { RunLimits } from '../core/execution/types.ts';
import { processGrowthAllowanceMb } from './run-limits.ts';

export type WatchdogTrip = { limit: 'wall' | 'cpu'; limitMs: number } | { limit: 'memory'; memoryLimitMb: number };

export interface Watchdog {
  /** Settles when the watchdog disposed the isolate; never if the run ends first. */
  readonly tripped: Promise<WatchdogTrip>;
  readonly trip: WatchdogTrip | undefined;
  /** CPU milliseconds the run used since the watchdog started, host callbacks included. */
  cpuTimeMs(): number | undefined;
  stop(): void;
}

const BYTES_PER_MB = 1024 * 1024;

export function startWatchdog({
  isolate,
  limits: { wallTimeMs, cpuTimeMs, memoryLimitMb },
  hostTimeMs = () => 0,
  residentBytes = () => process.memoryUsage.rss(),
  pollMs = 5,
}: {
  isolate: Isolate;
  limits: Pick<RunLimits, 'wallTimeMs' | 'cpuTimeMs' | 'memoryLimitMb'>;
  /** Total milliseconds spent in this isolate's synchronous host callbacks so far. */
  hostTimeMs?: () => number;
  /** Resident bytes of the process the isolate lives in. */
  residentBytes?: () => number;
  pollMs?: number;
}): Watchdog {
  const cpuAtStart = isolate.cpuTime;
  const hostAtStart = hostTimeMs();
  const residentCeiling = residentBytes() + processGrowthAllowanceMb(memoryLimitMb) * BYTES_PER_MB;
  let trip: WatchdogTrip | undefined;
  let lastCpuMs = 0;
  let signal: (trip: WatchdogTrip) => void = () => undefined;
  const tripped = new Promise<WatchdogTrip>((resolve) => {
    signal = resolve;
  });

  const readCpuMs = () => {
    if (!isolate.isDisposed) lastCpuMs = Number(isolate.cpuTime - cpuAtStart) / 1e6 + (hostTimeMs() - hostAtStart);
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
  const pollTimer = setInterval(() => {
    if (readCpuMs() > cpuTimeMs) fire({ limit: 'cpu', limitMs: cpuTimeMs });
    else if (residentBytes() > residentCeiling) fire({ limit: 'memory', memoryLimitMb });
  }, pollMs);
  pollTimer.unref();

  function stop() {
    clearTimeout(wallTimer);
    clearInterval(pollTimer);
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
