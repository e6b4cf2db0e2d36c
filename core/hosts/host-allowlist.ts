// Host names (and ports) as the egress policy compares them, and the allowlist a function declares in
// `egress`. This is the one place that matches a URL against egress entries. Both sides go through the
// WHATWG URL parser, so case, trailing dots, IDN and numeric IPv4 forms compare the way the request URL
// will be read.

import { JoineryError } from '../errors.ts';
import { parseIpv4 } from './ip-address.ts';
import { quote } from './quote.ts';

export interface HostAllowlist {
  /**
   * True when the URL's host is listed with its port. An entry without a port allows only the default
   * port of the URL's scheme (443 for https:, 80 for http:); `host:8443` allows port 8443 and no other.
   */
  allows(url: URL): boolean;
  /** True when the (normalised) host name is listed with any port, or is a subdomain of a listed `*.` entry. */
  includesHost(hostname: string): boolean;
}

/** What an entry allows on its host: one port, or the scheme's default port. */
type AllowedPort = number | 'default';

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'https:': 443, 'http:': 80 };
const ENTRY_WITH_PORT = /^(\[[^\]]*\]|[^:]*):(\d{1,5})$/;

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

/** The port a URL connects to: its own, or its scheme's default. */
export function effectivePort(url: URL): number {
  return url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port);
}

/**
 * Entries are host names (`graph.microsoft.com`), IP literals (`127.0.0.1`, `[::1]`) or `*.example.com`,
 * which matches every subdomain of example.com at any depth but not example.com itself, and never an IP;
 * each may name a port (`api.example.com:8443`, `[::1]:8080`). Throws INVALID_INPUT for an entry that
 * is not a bare host with an optional port (a URL, a path, credentials, port 0 or above 65535).
 */
export function createHostAllowlist(entries: readonly string[]): HostAllowlist {
  if (!Array.isArray(entries)) throw new JoineryError('INVALID_INPUT', 'egress must be a list of host names');
  const exact = new Map<string, AllowedPort[]>();
  const wildcards: Array<{ suffix: string; port: AllowedPort }> = [];
  for (const entry of entries) {
    const { hostname, port, wildcard } = parseEntry(entry);
    if (wildcard) wildcards.push({ suffix: `.${hostname}`, port });
    else exact.set(hostname, [...(exact.get(hostname) ?? []), port]);
  }
  const portsOf = (hostname: string): AllowedPort[] => {
    const normalized = normalizeHostname(hostname);
    const matching = isIpLiteral(normalized) ? [] : wildcards.filter(({ suffix }) => normalized.endsWith(suffix));
    return [...(exact.get(normalized) ?? []), ...matching.map(({ port }) => port)];
  };
  return {
    allows(url) {
      const port = effectivePort(url);
      return portsOf(url.hostname).some((allowed) => (allowed === 'default' ? port === DEFAULT_PORTS[url.protocol] : port === allowed));
    },
    includesHost: (hostname) => portsOf(hostname).length > 0,
  };
}

function parseEntry(entry: unknown): { hostname: string; port: AllowedPort; wildcard: boolean } {
  const invalid = () =>
    new JoineryError('INVALID_INPUT', `egress entry ${quote(entry)} is not a host name (write "api.example.com" or "api.example.com:8443")`);
  if (typeof entry !== 'string') throw invalid();
  const wildcard = entry.startsWith('*.');
  const withPort = ENTRY_WITH_PORT.exec(entry);
  const port: AllowedPort = withPort === null ? 'default' : Number(withPort[2]);
  if (port !== 'default' && (port < 1 || port > 65_535)) throw invalid();
  const host = withPort === null ? entry : (withPort[1] ?? '');
  const body = wildcard ? host.slice(2) : host;
  const bracketed = body.startsWith('[') && body.endsWith(']');
  if (body === '' || /[/?#@\\\s%*]/.test(body) || (body.includes(':') && !bracketed)) throw invalid();
  let hostname: string;
  try {
    hostname = normalizeHostname(new URL(`https://${body}/`).hostname);
  } catch {
    throw invalid();
  }
  if (hostname === '' || (wildcard && isIpLiteral(hostname))) throw invalid();
  return { hostname, port, wildcard };
}
