// The `oidc` settings: what config.json may say, and the principal and role read from a token's claims.

import { describe, expect, it } from 'vitest';
import { oidcSettingsSchema, principalFromClaims } from '../../mcp-server/auth/index.ts';

const base = { issuer: 'https://login.example.com/tenant/v2.0', audience: 'api://joinery', roleClaim: 'roles' };

describe('oidc settings', () => {
  it('applies the defaults', () => {
    expect(oidcSettingsSchema.parse(base)).toMatchObject({ principalClaim: 'sub', groupsClaim: 'groups', clockSkewSeconds: 60 });
  });

  it.each([
    ['a plain-http issuer beyond loopback', { ...base, issuer: 'http://login.example.com' }, /https/],
    ['neither roleClaim nor groupRoles', { issuer: base.issuer, audience: base.audience }, /roleClaim or groupRoles/],
    ['a group mapped to admin', { ...base, groupRoles: { g: 'admin' } }, /groupRoles/],
    ['an unknown key', { ...base, tenant: 'x' }, /tenant/],
  ])('refuses %s', (_label, settings, message) => {
    const parsed = oidcSettingsSchema.safeParse(settings);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(message);
  });

  it('accepts http on a loopback issuer (a test or local gateway)', () => {
    expect(oidcSettingsSchema.safeParse({ ...base, issuer: 'http://127.0.0.1:8080' }).success).toBe(true);
  });
});

describe('principalFromClaims', () => {
  const settings = oidcSettingsSchema.parse({ ...base, principalClaim: 'email', groupRoles: { 'group-r': 'reviewer' } });
  it.each([
    [{ email: 'a@example.com', roles: ['author'] }, { kind: 'principal', name: 'a@example.com', role: 'author' }],
    [{ email: 'a@example.com', roles: 'operator' }, { kind: 'principal', name: 'a@example.com', role: 'operator' }],
    [{ email: 'a@example.com', groups: ['group-r', 'other'] }, { kind: 'principal', name: 'a@example.com', role: 'reviewer' }],
    [{ email: 'a@example.com', roles: ['reviewer'], groups: ['group-r'] }, { kind: 'principal', name: 'a@example.com', role: 'reviewer' }],
    [{ email: 'a@example.com', roles: ['Joinery.Admin'] }, { kind: 'refused' }],
    [{ email: 'a@example.com', roles: ['author', 'reviewer'] }, { kind: 'refused', reason: expect.stringContaining('more than one') }],
    [{ sub: 'x', roles: ['author'] }, { kind: 'refused', reason: expect.stringContaining('no email claim') }],
  ])('%j → %j', (claims, expected) => {
    expect(principalFromClaims(claims, settings)).toMatchObject(expected);
  });
});
