// Who a request comes from: the bearer token's principal (set by the HTTP transport's verifier in
// `authInfo.extra`), else the server's local principal (stdio), else nobody.

import { isRole } from '../../core/tokens/index.ts';
import type { McpServerDeps, Principal } from '../deps.ts';
import type { RequestExtra } from '../tools/tool.ts';

export function principalOf(extra: Pick<RequestExtra, 'authInfo'>, deps: Pick<McpServerDeps, 'localPrincipal'>): Principal | undefined {
  if (extra.authInfo) {
    const principal = extra.authInfo.extra?.principal as Partial<Principal> | undefined;
    if (typeof principal?.name === 'string' && isRole(principal.role)) return { name: principal.name, role: principal.role, source: 'mcp-token' };
    return undefined;
  }
  return deps.localPrincipal;
}

/** The token scope that stands for a role (what the HTTP layer reports on a 403). */
export function scopeOf(role: string): string {
  return `joinery:${role}`;
}
