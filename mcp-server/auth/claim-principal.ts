// Who a verified token speaks for, and with which role, from its claims. Exactly one role must follow
// from them: none, or two different ones, is refused (a role is chosen by the identity provider's
// administrator, never guessed here).

import { SIGN_IN_ROLES, type OidcSettings, type SignInRole } from './oidc-settings.ts';

export type ClaimPrincipal = { kind: 'principal'; name: string; role: SignInRole } | { kind: 'refused'; reason: string };

export function principalFromClaims(claims: Record<string, unknown>, settings: OidcSettings): ClaimPrincipal {
  const name = claims[settings.principalClaim];
  if (typeof name !== 'string' || name.trim() === '') return { kind: 'refused', reason: `the token has no ${settings.principalClaim} claim to name the caller` };
  const roles = new Set<SignInRole>();
  if (settings.roleClaim !== undefined) {
    for (const value of listOf(claims[settings.roleClaim])) if (isSignInRole(value)) roles.add(value);
  }
  for (const group of listOf(claims[settings.groupsClaim])) {
    const role = settings.groupRoles?.[group];
    if (role) roles.add(role);
  }
  if (roles.size === 0) return { kind: 'refused', reason: `${name} has no Joinery role (${SIGN_IN_ROLES.join(', ')}) in the token` };
  if (roles.size > 1) return { kind: 'refused', reason: `${name} has more than one Joinery role in the token (${[...roles].join(', ')}); give them one` };
  const [role] = roles;
  return role ? { kind: 'principal', name, role } : { kind: 'refused', reason: 'no role' };
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter((part) => part !== '');
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isSignInRole(value: string): value is SignInRole {
  return (SIGN_IN_ROLES as readonly string[]).includes(value);
}
