// What one execution record keeps. A run can produce far more (50 requests with 1 MB bodies, a 1 MB
// result, 256 KB of logs), and a record that big once made SQLite refuse the row and the run leave no
// record at all. Every field is redacted first, then cut to its cap here; what is cut is replaced by a
// marker giving the size and sha256 of the (redacted) original, so a reader knows it existed.

import { createHash } from 'node:crypto';
import type { LogEntry, OutgoingRequest, RunOutcome } from '../execution/types.ts';
import type { Redactor } from './redact-secrets.ts';
import type { ExecutionInput } from './types.ts';

/** UTF-8 bytes of JSON. Output, logs and calls together stay within 1 MiB; the input has its own cap. */
export const RECORD_CAPS = Object.freeze({
  inputMaxBytes: 256 * 1024,
  /** The returned value. */
  outputMaxBytes: 256 * 1024,
  logsMaxBytes: 256 * 1024,
  callsMaxBytes: 512 * 1024,
  callBodyMaxBytes: 64 * 1024,
  /** A log message or its data, an error message or stack. */
  messageMaxBytes: 16 * 1024,
  /** A URL, a header value, an event id. */
  fieldMaxBytes: 8 * 1024,
});

/** Stands in for a JSON value over its cap. */
export interface TruncatedValue {
  $truncated: { bytes: number; sha256: string; preview: string };
}

const PREVIEW_CHARS = 256;
const MARKER_RESERVE_BYTES = 128;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The text itself when within `maxBytes`, else its start and `…[truncated: N bytes, sha256 H]`, within `maxBytes`. */
export function capText(text: string, maxBytes: number): string {
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return text;
  const encoded = Buffer.from(text);
  let end = Math.max(0, maxBytes - MARKER_RESERVE_BYTES);
  while (end > 0 && ((encoded[end] ?? 0) & 0xc0) === 0x80) end--; // never cut a character in two
  return `${encoded.subarray(0, end).toString('utf8')}…[truncated: ${bytes} bytes, sha256 ${sha256(text)}]`;
}

/** The redacted value when its JSON is within `maxBytes`, else a TruncatedValue marker. */
export function capValue(value: unknown, maxBytes: number, redactor: Redactor): unknown {
  const json = redactor.json(value);
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return JSON.parse(json);
  return { $truncated: { bytes, sha256: sha256(json), preview: json.slice(0, PREVIEW_CHARS) } } satisfies TruncatedValue;
}

export type BoundedExecution = Pick<ExecutionInput, 'input' | 'outcome' | 'logs' | 'calls'>;

export function boundExecution(execution: ExecutionInput, redactor: Redactor, caps = RECORD_CAPS): BoundedExecution {
  const text = (value: string, maxBytes: number) => capText(redactor.text(value), maxBytes);
  const logs = keepWithin((execution.logs ?? []).map((entry) => boundLogEntry(entry, text, redactor, caps)), caps.logsMaxBytes);
  const calls = keepWithin((execution.calls ?? []).map((call) => boundCall(call, text, caps)), caps.callsMaxBytes);
  const notes = [droppedNote('log entries', logs, caps.logsMaxBytes), droppedNote('calls', calls, caps.callsMaxBytes)].flatMap((note) => (note === undefined ? [] : [note]));
  const lastAtMs = logs.kept.at(-1)?.atMs ?? 0;
  return {
    input: capValue(execution.input, caps.inputMaxBytes, redactor),
    outcome: boundOutcome(execution.outcome, text, redactor, caps),
    logs: [...logs.kept, ...notes.map((message): LogEntry => ({ level: 'warn', message, atMs: lastAtMs }))],
    calls: calls.kept,
  };
}

function boundOutcome(outcome: RunOutcome, text: (value: string, maxBytes: number) => string, redactor: Redactor, caps: typeof RECORD_CAPS): RunOutcome {
  switch (outcome?.kind) {
    case 'returned':
      return { ...outcome, value: capValue(outcome.value, caps.outputMaxBytes, redactor) };
    case 'threw':
      return {
        ...outcome,
        message: text(String(outcome.message), caps.messageMaxBytes),
        ...(typeof outcome.stack === 'string' ? { stack: text(outcome.stack, caps.messageMaxBytes) } : {}),
      };
    case 'crashed':
      return { ...outcome, message: text(String(outcome.message), caps.messageMaxBytes) };
    default:
      return outcome;
  }
}

function boundLogEntry(entry: LogEntry, text: (value: string, maxBytes: number) => string, redactor: Redactor, caps: typeof RECORD_CAPS): LogEntry {
  const bounded: LogEntry = { ...entry, message: text(String(entry.message), caps.messageMaxBytes) };
  if (entry.data !== undefined) bounded.data = capValue(entry.data, caps.messageMaxBytes, redactor);
  return bounded;
}

function boundCall(call: OutgoingRequest, text: (value: string, maxBytes: number) => string, caps: typeof RECORD_CAPS): OutgoingRequest {
  const headers = Object.fromEntries(Object.entries(call.headers ?? {}).map(([name, value]) => [text(name, caps.fieldMaxBytes), text(String(value), caps.fieldMaxBytes)]));
  const bounded: OutgoingRequest = { method: text(String(call.method), caps.fieldMaxBytes), url: text(String(call.url), caps.fieldMaxBytes), headers };
  if (call.body !== undefined) bounded.body = text(String(call.body), caps.callBodyMaxBytes);
  return bounded;
}

interface Kept<Item> {
  kept: Item[];
  droppedCount: number;
  droppedBytes: number;
  droppedSha256: string;
}

/** Items in order while their JSON fits in `maxBytes`; the rest are counted and hashed, not kept. */
function keepWithin<Item>(items: Item[], maxBytes: number): Kept<Item> {
  const kept: Item[] = [];
  const dropped = createHash('sha256');
  let usedBytes = 2; // the brackets of the array, and below a comma before every item but the first
  let droppedCount = 0;
  let droppedBytes = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    const bytes = Buffer.byteLength(json) + (kept.length > 0 ? 1 : 0);
    if (droppedCount === 0 && usedBytes + bytes <= maxBytes) {
      kept.push(item);
      usedBytes += bytes;
    } else {
      droppedCount++;
      droppedBytes += bytes;
      dropped.update(json);
    }
  }
  return { kept, droppedCount, droppedBytes, droppedSha256: dropped.digest('hex') };
}

function droppedNote(what: string, { droppedCount, droppedBytes, droppedSha256 }: Kept<unknown>, maxBytes: number): string | undefined {
  if (droppedCount === 0) return undefined;
  return `joinery: ${droppedCount} more ${what} (${droppedBytes} bytes, sha256 ${droppedSha256}) are not in this record, which keeps ${maxBytes} bytes of ${what}`;
}
