// The Idempotency-Key header joinery serve adds to a step's outgoing requests for hosts the operator opted
// in (config.json `idempotencyKeys`): `<event id>:<function>:<attempt>`, so an upstream that honours the
// header performs one attempt's request once, however often the request is retried. A key the function
// set itself (any case) is kept.

import type { OutgoingRequest } from '../execution/types.ts';
import { createHostAllowlist } from '../hosts/index.ts';

export interface IdempotencyKeys {
  /** The request with the header added when its host is opted in; the same object otherwise. */
  apply(request: OutgoingRequest): OutgoingRequest;
}

export function idempotencyKeyFor({ eventId, functionName, attempt }: { eventId: string; functionName: string; attempt: number }): string {
  return `${eventId}:${functionName}:${attempt}`;
}

export function createIdempotencyKeys({ hosts, key }: { hosts: readonly string[]; key: string }): IdempotencyKeys {
  const allowlist = createHostAllowlist(hosts);
  return {
    apply(request) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return request; // egress refuses it with its own message
      }
      if (!allowlist.allows(url)) return request;
      if (Object.keys(request.headers).some((name) => name.toLowerCase() === 'idempotency-key')) return request;
      return { ...request, headers: { ...request.headers, 'idempotency-key': key } };
    },
  };
}
