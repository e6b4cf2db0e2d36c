// Host names as the egress policy compares them, and the allowlist a function declares in `egress`.
// Both sides go through the WHATWG URL parser, so case, trailing dots, IDN and numeric IPv4 forms compare
// the way the request URL will be read.

import { JoineryError } from '../../core/errors.ts';
import { parseIpv4 } from './ip-address.ts';
import { quote } from './quote.ts';

export interface HostAllowlist {
  /** True when the (normalised) host name is listed, or is a subdomain of a listed `*.` entry. */
  includes(hostname: string): boolean;
}

/** Lower case (as the URL parser leaves it), without the trailing dot of a fully qualified name. */
export function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || parseIpv4(hostname) !== undefined;
}

/** The address to connect to for an IP literal host: IPv6 without its brackets. */
export function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Entries are host names (`graph.microsoft.com`), IP literals (`127.0.0.1`, `[::1]`) or `*.example.com`,
 * which matches every subdomain of example.com at any depth but not example.com itself, and never an IP.
 * Throws INVALID_INPUT for an entry that is not a bare host (a URL, a port, a path, credentials).
 */
export function createHostAllowlist(entries: readonly string[]): HostAllowlist {
  if (!Array.isArray(entries)) throw new JoineryError('INVALID_INPUT', 'egress must be a list of host names');
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of entries) {
    const wildcard = typeof entry === 'string' && entry.startsWith('*.');
    const hostname = parseEntry(entry, wildcard);
    if (wildcard) suffixes.push(`.${hostname}`);
    else exact.add(hostname);
  }
  return {
    includes(hostname) {
      const normalized = normalizeHostname(hostname);
      if (exact.has(normalized)) return true;
      return !isIpLiteral(normalized) && suffixes.some((suffix) => normalized.endsWith(suffix));
    },
  };
}

function parseEntry(entry: unknown, wildcard: boolean): string {
  const invalid = () =>
    new JoineryError('INVALID_INPUT', `egress entry ${quote(entry)} is not a host name (write "api.example.com")`);
  if (typeof entry !== 'string') throw invalid();
  const body = wildcard ? entry.slice(2) : entry;
  const bracketed = body.startsWith('[') && body.endsWith(']');
  if (body === '' || /[/?#@\\\s%*]/.test(body) || (body.includes(':') && !bracketed)) throw invalid();
  let hostname: string;
  try {
    hostname = normalizeHostname(new URL(`https://${body}/`).hostname);
  } catch {
    throw invalid();
  }
  if (hostname === '' || (wildcard && isIpLiteral(hostname))) throw invalid();
  return hostname;
}
