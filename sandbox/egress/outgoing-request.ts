// A guest's request checked and put in the form the HTTP client sends. Everything here happens before any
// I/O, and the dry run runs the same checks, so a refused request is refused in both modes.

import { JoineryError } from '../../core/errors.ts';
import type { OutgoingRequest } from '../../core/execution/types.ts';
import { checkUrlAgainstPolicy, denied } from './check-egress-url.ts';
import type { EgressPolicy } from './egress-policy.ts';
import { quote } from '../../core/hosts/index.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface PreparedRequest {
  method: HttpMethod;
  url: URL;
  /** Lower-case names, validated values, client defaults added. */
  headers: Record<string, string>;
  body: Buffer | undefined;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

// Framing and hop-by-hop headers belong to the client: a guest value could smuggle a second request or lie
// about the body. They are dropped, not refused, so a function that sets one still behaves the same live.
// accept-encoding is dropped because bodies are handed back as text, never decompressed.
const DROPPED_HEADERS = new Set([
  'host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'te', 'trailer',
  'expect', 'proxy-connection', 'accept-encoding',
]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible ASCII, space, tab and Latin-1 (sent as single bytes); never CR, LF or NUL.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const MAX_HEADERS = 100;
const MAX_HEADER_BYTES = 64 * 1024;

/** Throws EGRESS_DENIED for what policy refuses and INVALID_INPUT for a malformed request. */
export function prepareRequest(request: OutgoingRequest, policy: EgressPolicy): PreparedRequest {
  if (typeof request !== 'object' || request === null) throw invalid('request must be an object');
  const method = checkMethod(request.method);
  const url = checkUrlAgainstPolicy(request.url, policy, 'request');
  const headers = checkHeaders(request.headers);
  const body = checkBody(request.body, method);
  return { method, url, headers: { 'user-agent': 'joinery', ...headers, 'accept-encoding': 'identity' }, body };
}

function checkMethod(method: unknown): HttpMethod {
  if (method === undefined) return 'GET';
  if (typeof method !== 'string') throw invalid(`method must be a string, not ${quote(method)}`);
  const upper = method.toUpperCase();
  const known = METHODS.find((candidate) => candidate === upper);
  if (known === undefined) throw denied(`method ${quote(method, 20)} is not allowed (${METHODS.join(', ')})`);
  return known;
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (typeof headers !== 'object' || Array.isArray(headers)) throw invalid('headers must be an object of strings');
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) throw invalid(`too many headers (more than ${MAX_HEADERS})`);
  const merged = new Map<string, string>();
  let totalBytes = 0;
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) throw invalid(`header name ${quote(name, 40)} is not valid`);
    if (typeof value !== 'string') throw invalid(`header ${quote(name, 40)} must be a string, not ${quote(value)}`);
    if (!HEADER_VALUE.test(value)) throw invalid(`header ${quote(name, 40)} has characters not allowed in a header value`);
    totalBytes += name.length + value.length;
    const lower = name.toLowerCase();
    if (DROPPED_HEADERS.has(lower)) continue;
    const previous = merged.get(lower);
    merged.set(lower, previous === undefined ? value : `${previous}, ${value}`);
  }
  if (totalBytes > MAX_HEADER_BYTES) throw invalid(`headers larger than ${MAX_HEADER_BYTES} bytes`);
  return Object.fromEntries(merged);
}

function checkBody(body: unknown, method: HttpMethod): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string') throw invalid(`body must be a string, not ${quote(body)}`);
  if ((method === 'GET' || method === 'HEAD') && body !== '') throw invalid(`a ${method} request cannot have a body`);
  return method === 'GET' || method === 'HEAD' ? undefined : Buffer.from(body, 'utf8');
}

function invalid(message: string): JoineryError {
  return new JoineryError('INVALID_INPUT', message);
}
