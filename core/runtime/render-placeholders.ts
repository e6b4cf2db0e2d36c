// Records show a run's placeholders readably, `[secret:GRAPH_TOKEN]`, wherever the function put them: in
// its output, its logs, and its requests (a Basic credential is decoded, rendered and encoded again, so
// credential-header redaction can still find the marker inside it).

import type { LogEntry, OutgoingRequest, RunOutcome } from '../execution/types.ts';
import { readBasicCredential, writeBasicCredential } from '../registry/index.ts';
import type { SecretPlaceholders } from '../secret-manifest/index.ts';

export interface RunRecordParts {
  outcome: RunOutcome;
  logs: LogEntry[];
  calls: OutgoingRequest[];
}

export function renderPlaceholders({ outcome, logs, calls }: RunRecordParts, placeholders: SecretPlaceholders): RunRecordParts {
  const text = (value: string) => placeholders.render(value);
  return {
    outcome: mapStrings(outcome, text) as RunOutcome,
    logs: logs.map((entry) => mapStrings(entry, text) as LogEntry),
    calls: calls.map((call) => renderCall(call, placeholders)),
  };
}

function renderCall(call: OutgoingRequest, placeholders: SecretPlaceholders): OutgoingRequest {
  const header = (value: string): string => {
    const basic = readBasicCredential(value);
    if (basic === undefined || placeholders.namesIn(basic.decoded).length === 0) return placeholders.render(value);
    return writeBasicCredential({ ...basic, decoded: placeholders.render(basic.decoded) });
  };
  const rendered: OutgoingRequest = {
    method: call.method,
    url: placeholders.render(call.url),
    headers: Object.fromEntries(Object.entries(call.headers).map(([name, value]) => [name, header(value)])),
  };
  if (call.body !== undefined) rendered.body = placeholders.render(call.body);
  return rendered;
}

/** Every string of a JSON-like value (keys included) mapped; other values as they are. */
function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [map(key), mapStrings(item, map)]));
  }
  return value;
}
