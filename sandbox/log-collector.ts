// Host side of ctx.log and console: keeps entries up to the caps (count and UTF-8 bytes of message plus
// data JSON) and counts the rest. The guest side applies the same caps first; this is the authority.
import type { LogEntry, LogLevel, RunLimits } from '../core/execution/types.ts';

const LEVELS: ReadonlySet<string> = new Set<LogLevel>(['debug', 'info', 'warn', 'error']);

export interface LogCollector {
  add(level: unknown, message: unknown, dataJson: unknown): void;
  /** Entries the guest side dropped before they crossed the boundary. */
  addDropped(count: unknown): void;
  readonly entries: LogEntry[];
  readonly dropped: number;
}

export function createLogCollector({
  limits: { maxLogEntries, maxLogBytes },
  startedAt,
  now = () => performance.now(),
}: {
  limits: Pick<RunLimits, 'maxLogEntries' | 'maxLogBytes'>;
  startedAt: number;
  now?: () => number;
}): LogCollector {
  const entries: LogEntry[] = [];
  let bytes = 0;
  let dropped = 0;
  return {
    add(level, message, dataJson) {
      if (typeof level !== 'string' || !LEVELS.has(level) || typeof message !== 'string') return;
      const size = Buffer.byteLength(message) + (typeof dataJson === 'string' ? Buffer.byteLength(dataJson) : 0);
      if (dropped > 0 || entries.length >= maxLogEntries || bytes + size > maxLogBytes) {
        dropped++;
        return;
      }
      bytes += size;
      const atMs = Math.round((now() - startedAt) * 1000) / 1000;
      const entry: LogEntry = { level: level as LogLevel, message, atMs };
      if (typeof dataJson === 'string') entry.data = parseData(dataJson);
      entries.push(entry);
    },
    addDropped(count) {
      if (typeof count === 'number' && Number.isSafeInteger(count) && count > 0) dropped += count;
    },
    entries,
    get dropped() {
      return dropped;
    },
  };
}

function parseData(dataJson: string): unknown {
  try {
    return JSON.parse(dataJson);
  } catch {
    return dataJson;
  }
}
