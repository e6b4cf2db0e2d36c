// What one function may reach: its declared hosts, the schemes, and whether private addresses are allowed.

import { createHostAllowlist, type HostAllowlist } from '../../core/hosts/index.ts';

export interface EgressUrlOptions {
  /**
   * The function's declared `egress`: host names, IP literals or `*.example.com`, each optionally with a
   * port (`api.example.com:8443`). Without a port only the scheme's default port is reachable.
   */
  allowedHosts: readonly string[];
  /** Allow plain `http:` as well as `https:`. Off by default. */
  allowHttp?: boolean;
  /**
   * Allow private, loopback, link-local and other reserved addresses: `true` for every allowed host, or
   * a list of hosts (same syntax as `allowedHosts`; a port there is ignored, egress decides the port) for
   * on-premises systems. Off by default.
   */
  allowPrivateNetworks?: boolean | readonly string[];
}

export interface EgressPolicy {
  allowedHosts: HostAllowlist;
  allowHttp: boolean;
  /** True when this host may resolve to (or be) a private or reserved address. */
  mayUsePrivateAddress(hostname: string): boolean;
}

export function createEgressPolicy({
  allowedHosts,
  allowHttp = false,
  allowPrivateNetworks = false,
}: EgressUrlOptions): EgressPolicy {
  const privateHosts = typeof allowPrivateNetworks === 'boolean' ? undefined : createHostAllowlist(allowPrivateNetworks);
  return {
    allowedHosts: createHostAllowlist(allowedHosts),
    allowHttp: allowHttp === true,
    mayUsePrivateAddress: (hostname) =>
      privateHosts === undefined ? allowPrivateNetworks === true : privateHosts.includesHost(hostname),
  };
}
