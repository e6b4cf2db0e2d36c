// Sign-in with the organisation's identity provider (Entra ID, Okta, Google, any OIDC issuer): the
// `oidc` section of config.json. Access tokens are JWTs the issuer signs; the server checks them against
// the issuer's published keys and reads who the caller is and what role they have from their claims.

import * as z from 'zod';
import { isLoopbackHost } from '../../core/hosts/index.ts';

/** The roles a signed-in person or assistant may hold over MCP (`source` is for joinery serve's events,
 *  `admin` only for the local principal). */
export const SIGN_IN_ROLES = ['author', 'reviewer', 'operator', 'auditor'] as const;
export type SignInRole = (typeof SIGN_IN_ROLES)[number];

/** https, or http on a loopback address (a test issuer, a local gateway); never plain http beyond. */
const secureUrl = z.url().refine((text) => {
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must be an https URL (http only on a loopback address)');

export const oidcSettingsSchema = z
  .strictObject({
    /** The issuer exactly as its tokens' `iss` says (its /.well-known/openid-configuration is read from it). */
    issuer: secureUrl,
    /** The `aud` the tokens must carry: the application ID URI or client id registered for Joinery. */
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** The claim that names the principal (default `sub`; `preferred_username`, `email` or `oid` are common). */
    principalClaim: z.string().min(1).default('sub'),
    /** A claim whose value (a string or a list) holds role names: author, reviewer, operator, auditor. */
    roleClaim: z.string().min(1).optional(),
    /** The claim listing the caller's groups (default `groups`), read with groupRoles. */
    groupsClaim: z.string().min(1).default('groups'),
    /** Group id → role: a caller in the group gets the role. */
    groupRoles: z.record(z.string().min(1), z.enum(SIGN_IN_ROLES)).optional(),
    /** Leeway for exp, nbf and iat, in seconds (default 60). */
    clockSkewSeconds: z.number().int().min(0).max(600).default(60),
    /** The MCP endpoint's public URL (the `resource` of the protected-resource metadata), needed behind a
     *  proxy or TLS terminator; default: http://<the request's Host>/mcp. */
    resource: secureUrl.optional(),
    /** Scopes a client should ask the issuer for (listed as scopes_supported), e.g. api://joinery/mcp. */
    scopes: z.array(z.string().min(1)).optional(),
  })
  .refine((settings) => settings.roleClaim !== undefined || settings.groupRoles !== undefined, {
    message: 'name roleClaim or groupRoles: a signed-in caller needs a role',
  });

export type OidcSettings = z.infer<typeof oidcSettingsSchema>;
/** What callers write (defaults not yet applied). */
export type OidcSettingsInput = z.input<typeof oidcSettingsSchema>;
