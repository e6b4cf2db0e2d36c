// DNS half of the egress policy: every address a name resolves to is checked, and the exchange connects to
// one of those checked addresses (send-once.ts pins it), so a DNS answer that changes between the check
// and the connection (rebinding) is never used.

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isBlockedAddress } from './blocked-address.ts';
import { denied, describeTarget, type UrlSubject } from './check-egress-url.ts';
import { untilAborted } from './deadline.ts';
import type { EgressPolicy } from './egress-policy.ts';
import { isIpLiteral, unbracket } from '../../core/hosts/index.ts';
import { EgressFailure } from './network-error.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type LookupFunction = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver, every answer in the resolver's order. */
export async function lookupAll(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address }) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
}

/**
 * The address to connect to for an already checked URL. Throws EGRESS_DENIED when any answer is private
 * or reserved (unless the policy allows it for this host), and a plain Error when the name does not resolve.
 */
export async function resolveTarget(
  url: URL,
  { policy, lookup, subject, signal }: { policy: EgressPolicy; lookup: LookupFunction; subject: UrlSubject; signal: AbortSignal },
): Promise<ResolvedAddress> {
  const hostname = url.hostname;
  if (isIpLiteral(hostname)) return toResolved(unbracket(hostname)); // checked with the URL
  const answers = await untilAborted(lookup(hostname), signal);
  const mayUsePrivate = policy.mayUsePrivateAddress(hostname);
  if (!mayUsePrivate && answers.some(({ address }) => isBlockedAddress(address))) {
    throw denied(`${describeTarget(hostname, subject)} resolves to a private or reserved address`);
  }
  const usable = answers.find(({ address }) => isIP(address) !== 0);
  if (usable === undefined) throw new EgressFailure(`${describeTarget(hostname, subject)} could not be resolved`);
  return toResolved(usable.address);
}

function toResolved(address: string): ResolvedAddress {
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}
