// The URL half of the egress policy, shared by live and dry runs so a dry run refuses what a live run
// refuses. Only DNS answers are left to the live run (resolve-target.ts).

import { JoineryError } from '../../core/errors.ts';
import { isBlockedAddress } from './blocked-address.ts';
import { createEgressPolicy, type EgressPolicy, type EgressUrlOptions } from './egress-policy.ts';
import { effectivePort, isIpLiteral, normalizeHostname, quote, unbracket } from '../../core/hosts/index.ts';

/** Whether a URL is the one the guest asked for or one a server redirected to; only messages differ. */
export type UrlSubject = 'request' | 'redirect';

/**
 * The parsed URL when policy allows it: https (or http when allowed), no credentials, a host and port in
 * the allowlist (see host-allowlist.ts), and not a private or reserved IP literal. Throws EGRESS_DENIED when policy refuses it and
 * INVALID_INPUT when it is not a URL. The returned host has no trailing dot and the fragment is removed.
 */
export function checkEgressUrl(url: string, options: EgressUrlOptions): URL {
  return checkUrlAgainstPolicy(url, createEgressPolicy(options), 'request');
}

export function checkUrlAgainstPolicy(input: string | URL, policy: EgressPolicy, subject: UrlSubject): URL {
  const url = parseUrl(input);
  const schemes = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    const only = `only ${schemes.join(' and ')}`;
    throw denied(
      subject === 'redirect'
        ? `redirect to a ${quote(url.protocol)} URL is not allowed (${only})`
        : `URL scheme ${quote(url.protocol)} is not allowed (${only})`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw denied(
      subject === 'redirect'
        ? 'redirect to a URL with credentials (user@host) is not allowed'
        : 'URLs with credentials (user@host) are not allowed; send credentials in a header',
    );
  }
  const hostname = normalizeHostname(url.hostname);
  const target = describeTarget(hostname, subject);
  url.hostname = hostname;
  if (!policy.allowedHosts.allows(url)) {
    throw denied(policy.allowedHosts.includesHost(hostname) ? `${target} on port ${effectivePort(url)} is not in egress` : `${target} is not in egress`);
  }
  if (isIpLiteral(hostname) && !policy.mayUsePrivateAddress(hostname) && isBlockedAddress(unbracket(hostname))) {
    throw denied(`${target} is a private or reserved address`);
  }
  url.hash = '';
  return url;
}

/** How messages name the host: `host "a.example"` or `redirect to "a.example"`. */
export function describeTarget(hostname: string, subject: UrlSubject): string {
  return subject === 'redirect' ? `redirect to ${quote(hostname)}` : `host ${quote(hostname)}`;
}

export function denied(message: string): JoineryError {
  return new JoineryError('EGRESS_DENIED', message);
}

function parseUrl(input: string | URL): URL {
  if (input instanceof URL) return new URL(input.href);
  if (typeof input !== 'string') throw new JoineryError('INVALID_INPUT', `URL must be a string, not ${quote(input)}`);
  try {
    return new URL(input);
  } catch {
    throw new JoineryError('INVALID_INPUT', `invalid URL ${quote(input)}`);
  }
}
