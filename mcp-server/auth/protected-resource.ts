// OAuth 2.0 Protected Resource Metadata (RFC 9728), as the MCP authorization spec asks: a client that
// gets a 401 from /mcp reads the `resource_metadata` URL in the WWW-Authenticate challenge, finds the
// identity provider there (`authorization_servers`), signs in with it and comes back with its token.

import type { OidcSettings } from './oidc-settings.ts';

export const MCP_PATH = '/mcp';
/** RFC 9728 §3.1: the well-known segment goes between the host and the resource's path. */
export const METADATA_PATHS = ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource'] as const;

/** The resource clients address: the configured public URL, else the URL this request came to (its Host
 *  header has passed the DNS-rebinding check by then). */
export function resourceUrl(settings: Pick<OidcSettings, 'resource'> | undefined, host: string | undefined): string {
  return settings?.resource ?? `http://${host ?? 'localhost'}${MCP_PATH}`;
}

export function metadataUrl(resource: string): string {
  const url = new URL(resource);
  return `${url.origin}/.well-known/oauth-protected-resource${url.pathname === '/' ? '' : url.pathname}`;
}

export function protectedResourceMetadata(settings: OidcSettings, resource: string): Record<string, unknown> {
  return {
    resource,
    authorization_servers: [settings.issuer],
    bearer_methods_supported: ['header'],
    ...(settings.scopes ? { scopes_supported: settings.scopes } : {}),
    resource_name: 'Joinery',
  };
}
