// Host side of the web globals (guest/web-globals.js, guest/url.js): Node's own URL, query, text and
// base64 implementations, called synchronously with copies of guest data. Never throws across the
// boundary: failures are returned as { ok: false, name, message } and re-thrown inside the guest.
import { randomBytes, randomUUID } from 'node:crypto';

type WebReply = { ok: true; value: unknown } | { ok: false; name: string; message: string };

const MAX_RANDOM_BYTES = 65_536;

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

function textEncodeInto(source: string, length: unknown) {
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) throw new TypeError('bad destination length');
  const bytes = new Uint8Array(length);
  const { read, written } = new TextEncoder().encodeInto(source, bytes);
  return { read, written, bytes: bytes.subarray(0, written) };
}

function randomByteCount(count: unknown): number {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_RANDOM_BYTES) {
    throw new RangeError(`random byte count must be an integer from 0 to ${MAX_RANDOM_BYTES}`);
  }
  return count;
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
    return { ok: true, value: run(first, second, third) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, name, message };
  }
}
