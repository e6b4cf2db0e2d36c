// Test helper: the resident memory of a process, read from /proc (Linux), so tests can check that a run
// did not grow the executor child past what its limits allow.
import { readFileSync } from 'node:fs';

/** Peak resident set size (VmHWM) of a live process in MB; undefined when it has exited or /proc is absent. */
export function peakResidentMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Samples a process's peak resident size every few milliseconds until stopped, so the peak is known even
 * when the process is gone by then (the executor replaces a child that ran out of memory).
 */
export function watchPeakResidentMb(pid: () => number | undefined, intervalMs = 10): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = () => {
    const current = peakResidentMb(pid());
    if (current !== undefined) peak = Math.max(peak ?? 0, current);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}

/** CPU time (user + system, every thread) a live process has used so far in ms; undefined when it is gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name, which sits in parentheses and may hold spaces: utime and stime are 12 and 13.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    const ticks = Number(fields?.[11]) + Number(fields?.[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}
