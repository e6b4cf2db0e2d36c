// Live egress: the host-side HTTP client that the guest's `ctx.http.fetch` reaches in live runs, the dry-run
// client, and the URL policy they share.

export { checkEgressUrl } from './check-egress-url.ts';
export { isBlockedAddress } from './blocked-address.ts';
export { createEgressFetch, type EgressFetch, type EgressFetchOptions } from './create-egress-fetch.ts';
export { createDryRunFetch, DRY_RUN_RESPONSE_BODY, type DryRunFetch } from './dry-run-fetch.ts';
export type { EgressUrlOptions } from './egress-policy.ts';
export { createHostAllowlist, effectivePort, type HostAllowlist } from '../../core/hosts/index.ts';
export type { LookupFunction, ResolvedAddress } from './resolve-target.ts';
