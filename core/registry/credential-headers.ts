// Credential headers in a recorded call keep their scheme and the markers of what the host put there
// (`Bearer [secret:GRAPH_TOKEN]`, `Basic [secret:BAMBOOHR_API_KEY]`, `Bearer [oauth:graph]`) and nothing
// else: a credential the host did not supply (a token the function got from a response) is never stored.

import type { OutgoingRequest } from '../execution/types.ts';
import { REDACTED } from './redact-secrets.ts';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key']);
const MARKER = /\[(?:secret:[A-Z][A-Z0-9_]*|oauth:[A-Za-z0-9_-]+)\]/g;
const BASIC = /^(basic)\s+([A-Za-z0-9+/_-]+=*)\s*$/i;
const SCHEME = /^([A-Za-z][A-Za-z0-9_-]*)\s+\S/;

export interface BasicCredential {
  /** The scheme word as written ("Basic", "basic"). */
  scheme: string;
  /** "user:password", one character per byte (latin1), so re-encoding gives the same bytes back. */
  decoded: string;
}

/** The decoded credential of a `Basic <base64>` header value; undefined for anything else. */
export function readBasicCredential(value: string): BasicCredential | undefined {
  const match = BASIC.exec(value);
  if (match === null) return undefined;
  const [, scheme = 'Basic', encoded = ''] = match;
  return { scheme, decoded: Buffer.from(encoded, 'base64').toString('latin1') };
}

export function writeBasicCredential({ scheme, decoded }: BasicCredential): string {
  return `${scheme} ${Buffer.from(decoded, 'latin1').toString('base64')}`;
}

export function redactCredentialHeaders(call: OutgoingRequest): OutgoingRequest {
  const headers = Object.fromEntries(
    Object.entries(call.headers).map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name.toLowerCase()) ? keepMarkers(value) : value]),
  );
  return { ...call, headers };
}

function keepMarkers(value: string): string {
  const basic = readBasicCredential(value);
  const markers = [...(basic?.decoded ?? value).matchAll(MARKER)].map((match) => match[0]);
  if (markers.length === 0) return REDACTED;
  const scheme = basic?.scheme ?? SCHEME.exec(value)?.[1];
  return [scheme, ...markers].filter((part) => part !== undefined).join(' ');
}
