// Host side of the web globals (guest/web-globals.js, guest/url.js): Node's own URL, query, text and
// base64 implementations, called synchronously with copies of guest data. Never throws across the
// boundary: failures are returned as { ok: false, name, message } and re-thrown inside the guest.
// Work is sized from the real length of what arrived, never from a number the guest passed, and inputs
// over MAX_WEB_INPUT_CHARS / MAX_WEB_INPUT_BYTES are refused before any work (the guest checks first too).
import { randomBytes, randomUUID } from 'node:crypto';
import { MAX_WEB_INPUT_BYTES, MAX_WEB_INPUT_CHARS } from './run-limits.ts';

type WebReply = { ok: true; value: unknown } | { ok: false; name: string; message: string };

const MAX_RANDOM_BYTES = 65_536;
/** UTF-8 needs at most three bytes for each UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/** The global each operation serves, as named in a refusal. */
const LABELS: Readonly<Record<string, string>> = {
  'url-parse': 'URL', 'url-set': 'URL', 'query-parse': 'URLSearchParams', 'query-serialize': 'URLSearchParams',
  'text-encode': 'TextEncoder.encode', 'text-encode-into': 'TextEncoder.encodeInto', 'text-decode': 'TextDecoder.decode',
  btoa: 'btoa', atob: 'atob',
};

function urlRecord(url: URL) {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url;
  return { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash };
}

function queryPairs(value: unknown): Array<[string, string]> {
  if (!Array.isArray(value)) throw new TypeError('query pairs must be an array');
  return value.map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError('query pairs must be [name, value] tuples');
    return [String(pair[0]), String(pair[1])];
  });
}

/** `length` is the destination's real length as the guest side read it; never more than the source can fill. */
function textEncodeInto(source: string, length: unknown) {
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) throw new TypeError('bad destination length');
  const bytes = new Uint8Array(Math.min(length, source.length * MAX_UTF8_BYTES_PER_UNIT));
  const { read, written } = new TextEncoder().encodeInto(source, bytes);
  return { read, written, bytes: bytes.subarray(0, written) };
}

function randomByteCount(count: unknown): number {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_RANDOM_BYTES) {
    throw new RangeError(`random byte count must be an integer from 0 to ${MAX_RANDOM_BYTES}`);
  }
  return count;
}

/** Characters of the strings (query pairs included, one more per pair) and bytes of the buffers given. */
function inputSize(values: unknown[]): { chars: number; bytes: number } {
  let chars = 0;
  let bytes = 0;
  for (const value of values) {
    if (typeof value === 'string') chars += value.length;
    else if (value instanceof Uint8Array) bytes += value.byteLength;
    else if (Array.isArray(value)) {
      for (const pair of value) chars += 1 + (Array.isArray(pair) ? pair.reduce((sum: number, part) => sum + (typeof part === 'string' ? part.length : 0), 0) : 0);
    }
  }
  return { chars, bytes };
}

function checkInputSize(label: string, values: unknown[]): void {
  const { chars, bytes } = inputSize(values);
  if (chars > MAX_WEB_INPUT_CHARS) throw new RangeError(`${label}: the input is ${chars} characters, over the sandbox limit of ${MAX_WEB_INPUT_CHARS}`);
  if (bytes > MAX_WEB_INPUT_BYTES) throw new RangeError(`${label}: the input is ${bytes} bytes, over the sandbox limit of ${MAX_WEB_INPUT_BYTES}`);
}

const OPERATIONS = new Map<string, (first: unknown, second: unknown, third: unknown) => unknown>([
  ['url-parse', (href, base) => urlRecord(new URL(String(href), base === undefined ? undefined : String(base)))],
  ['url-set', (href, component, value) => {
    const url = new URL(String(href));
    const name = String(component);
    if (!['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'].includes(name)) {
      throw new TypeError(`URL has no settable component "${name}"`);
    }
    (url as unknown as Record<string, string>)[name] = String(value);
    return urlRecord(url);
  }],
  ['query-parse', (query) => [...new URLSearchParams(String(query))]],
  ['query-serialize', (pairs) => new URLSearchParams(queryPairs(pairs)).toString()],
  ['text-encode', (text) => new TextEncoder().encode(String(text))],
  ['text-encode-into', (text, length) => textEncodeInto(String(text), length)],
  ['text-decode', (bytes, fatal, ignoreBOM) => {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('expected bytes');
    return new TextDecoder('utf-8', { fatal: fatal === true, ignoreBOM: ignoreBOM === true }).decode(bytes);
  }],
  ['btoa', (data) => btoa(String(data))],
  ['atob', (data) => atob(String(data))],
  ['random-bytes', (count) => new Uint8Array(randomBytes(randomByteCount(count)))],
  ['random-uuid', () => randomUUID()],
  ['clone', (value) => value],
]);

/** The synchronous host callback behind the guest's web globals. */
export function webNative(operation: unknown, first: unknown, second: unknown, third: unknown): WebReply {
  try {
    const run = typeof operation === 'string' ? OPERATIONS.get(operation) : undefined;
    if (run === undefined) return { ok: false, name: 'TypeError', message: `unknown web operation ${String(operation)}` };
    const label = LABELS[operation as string];
    if (label !== undefined) checkInputSize(label, [first, second, third]);
    return { ok: true, value: run(first, second, third) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, name, message };
  }
}
