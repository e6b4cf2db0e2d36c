// Structured JSON logs, one object a line (pino), on standard output by default or on a given stream.
// Never logs event payloads or secrets: lines carry ids, statuses, outcomes and durations.

import { pino, type Logger } from 'pino';

export type { Logger };

export interface CreateLoggerOptions {
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  destination?: NodeJS.WritableStream;
}

export function createLogger({ level = 'info', destination }: CreateLoggerOptions = {}): Logger {
  const options = { level, base: { service: 'joinery' } };
  return destination ? pino(options, destination) : pino(options);
}
