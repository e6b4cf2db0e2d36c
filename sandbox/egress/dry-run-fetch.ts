// The HTTP client of a dry run: the same policy checks as a live run (except DNS), nothing sent.

import type { IncomingResponse, OutgoingRequest } from '../../core/execution/types.ts';
import { createEgressPolicy, type EgressUrlOptions } from './egress-policy.ts';
import { prepareRequest } from './outgoing-request.ts';

export interface DryRunFetch {
  fetch: (request: OutgoingRequest) => Promise<IncomingResponse>;
  /** The requests that passed policy, in order, as the guest made them (copies). */
  calls: OutgoingRequest[];
}

export const DRY_RUN_RESPONSE_BODY = '{"dryRun":true}';

/**
 * Answers every allowed request with 202, body `{"dryRun":true}` and header `x-joinery-dry-run: 1`.
 * Refused requests reject exactly as in a live run and are not recorded.
 */
export function createDryRunFetch(options: EgressUrlOptions): DryRunFetch {
  const policy = createEgressPolicy(options);
  const calls: OutgoingRequest[] = [];
  return {
    calls,
    async fetch(request) {
      prepareRequest(request, policy);
      calls.push({
        method: request.method,
        url: request.url,
        headers: { ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      return {
        status: 202,
        headers: { 'content-type': 'application/json', 'x-joinery-dry-run': '1' },
        body: DRY_RUN_RESPONSE_BODY,
      };
    },
  };
}
