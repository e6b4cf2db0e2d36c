// The live HTTP client behind the guest's `ctx.http.fetch`. Every request, and every redirect hop, passes
// the URL policy, then DNS is checked and the checked address pinned, then one exchange with a capped body.

import { isJoineryError, JoineryError } from '../../core/errors.ts';
import type { FetchOptions, IncomingResponse, OutgoingRequest } from '../../core/execution/types.ts';
import { startDeadline } from './deadline.ts';
import { createEgressPolicy, type EgressUrlOptions } from './egress-policy.ts';
import { EgressFailure, toNetworkError } from './network-error.ts';
import { prepareRequest } from './outgoing-request.ts';
import { nextRedirect } from './redirects.ts';
import { lookupAll, resolveTarget, type LookupFunction } from './resolve-target.ts';
import { sendOnce } from './send-once.ts';

export interface EgressFetchOptions extends EgressUrlOptions {
  /** Covers the whole exchange: DNS, connect, TLS, every redirect hop and the body. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** Aborting it cancels every request in flight; each call may bring its own signal too (the sandbox's, per run). */
  signal?: AbortSignal;
  _internal?: {
    lookup?: LookupFunction;
    /** Extra TLS trust anchors (PEM), so tests can serve https from a loopback server. */
    tlsCa?: string | string[];
  };
}

export type EgressFetch = (request: OutgoingRequest, options?: FetchOptions) => Promise<IncomingResponse>;

/**
 * Rejects with JoineryError EGRESS_DENIED when policy refuses a request or a redirect, INVALID_INPUT when the
 * request is malformed (both before anything is sent), and a plain Error with a guest-safe message for
 * network failures, timeouts and the size cap. Throws INVALID_INPUT at creation for bad options.
 */
export function createEgressFetch({
  allowedHosts,
  allowHttp = false,
  allowPrivateNetworks = false,
  timeoutMs = 10_000,
  maxResponseBytes = 1024 * 1024,
  maxRedirects = 3,
  signal,
  _internal: { lookup = lookupAll, tlsCa } = {},
}: EgressFetchOptions): EgressFetch {
  const policy = createEgressPolicy({ allowedHosts, allowHttp, allowPrivateNetworks });
  checkLimit('timeoutMs', timeoutMs, 1);
  checkLimit('maxResponseBytes', maxResponseBytes, 0);
  checkLimit('maxRedirects', maxRedirects, 0);

  return async function egressFetch(request, { signal: callSignal } = {}) {
    let current = prepareRequest(request, policy);
    const deadline = startDeadline({ timeoutMs, signal: eitherSignal(signal, callSignal) });
    try {
      for (let hop = 0; hop <= maxRedirects; hop += 1) {
        const subject = hop === 0 ? 'request' : 'redirect';
        const target = await resolveTarget(current.url, { policy, lookup, subject, signal: deadline.signal });
        const response = await sendOnce({ request: current, target, signal: deadline.signal, maxResponseBytes, tlsCa });
        const next = nextRedirect(current, response, policy);
        if (next === undefined) return response;
        current = next;
      }
      throw new EgressFailure(`too many redirects (more than ${maxRedirects})`);
    } catch (error) {
      if (isJoineryError(error)) throw error;
      throw toNetworkError(error, { hostname: current.url.hostname, timedOut: deadline.timedOut(), timeoutMs });
    } finally {
      deadline.clear();
    }
  };
}

function eitherSignal(first: AbortSignal | undefined, second: AbortSignal | undefined): AbortSignal | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return AbortSignal.any([first, second]);
}

function checkLimit(name: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new JoineryError('INVALID_INPUT', `${name} must be an integer of at least ${minimum}`);
  }
}
