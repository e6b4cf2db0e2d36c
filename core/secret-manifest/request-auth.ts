// `fetch(url, { auth })`: what a function may ask the host to authenticate with, checked against what it
// declared, and turned into the `authorization` header in placeholder form (the value goes in at egress).
// Every error is a message for the guest, naming the way to write it.

import type { FunctionManifest, OutgoingRequest } from '../execution/types.ts';
import type { SecretPlaceholders } from './secret-placeholders.ts';

export type CredentialPart = { literal: string } | { secret: string };

export type RequestAuth =
  | { kind: 'bearer'; secret: string }
  | { kind: 'basic'; username: CredentialPart; password: CredentialPart }
  | { kind: 'oauth'; client: string };

type Declared = Pick<FunctionManifest, 'secrets' | 'oauth'>;

const SHAPES = "auth must be { bearer: 'SECRET_NAME' }, { basic: { username, password } } or { oauth: 'client name' }";

/** Reads `auth` as the guest sent it; undefined when there is none. Throws an Error for the guest. */
export function readRequestAuth(auth: unknown, declared: Declared): RequestAuth | undefined {
  if (auth === undefined || auth === null) return undefined;
  if (typeof auth !== 'object' || Array.isArray(auth)) throw new Error(`fetch: ${SHAPES}`);
  const fields = Object.keys(auth);
  const { bearer, basic, oauth } = auth as Record<string, unknown>;
  if (fields.length !== 1) throw new Error(`fetch: ${SHAPES}`);
  if (fields[0] === 'bearer' && typeof bearer === 'string') return { kind: 'bearer', secret: declaredSecret(bearer, declared, 'auth.bearer') };
  if (fields[0] === 'oauth' && typeof oauth === 'string') {
    if (declared.oauth === undefined || !Object.hasOwn(declared.oauth, oauth)) {
      throw new Error(`fetch: auth.oauth "${oauth.slice(0, 64)}" is not a client declared in oauth`);
    }
    return { kind: 'oauth', client: oauth };
  }
  if (fields[0] === 'basic' && typeof basic === 'object' && basic !== null) {
    const { username, password } = basic as Record<string, unknown>;
    return { kind: 'basic', username: credentialPart(username, declared, 'username'), password: credentialPart(password, declared, 'password') };
  }
  throw new Error(`fetch: ${SHAPES}`);
}

/** The request with its `authorization` header set from `auth` (placeholders, or the OAuth marker). */
export function applyRequestAuth(request: OutgoingRequest, auth: RequestAuth, placeholders: SecretPlaceholders): OutgoingRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  const part = (value: CredentialPart) => ('secret' in value ? placeholders.of(value.secret) : value.literal);
  if (auth.kind === 'bearer') headers.authorization = `Bearer ${placeholders.of(auth.secret)}`;
  else if (auth.kind === 'oauth') headers.authorization = `Bearer ${oauthMarker(auth.client)}`;
  else headers.authorization = `Basic ${Buffer.from(`${part(auth.username)}:${part(auth.password)}`, 'utf8').toString('base64')}`;
  const { auth: _dropped, ...rest } = request;
  return { ...rest, headers };
}

/** How records show an OAuth client's access token. */
export function oauthMarker(client: string): string {
  return `[oauth:${client}]`;
}

function credentialPart(value: unknown, declared: Declared, field: 'username' | 'password'): CredentialPart {
  if (typeof value === 'string') {
    if (declared.secrets.includes(value)) {
      throw new Error(`fetch: auth.basic.${field} "${value}" is the name of a secret; write { secret: '${value}' } to send its value`);
    }
    return { literal: value };
  }
  if (typeof value === 'object' && value !== null && typeof (value as { secret?: unknown }).secret === 'string') {
    return { secret: declaredSecret((value as { secret: string }).secret, declared, `auth.basic.${field}.secret`) };
  }
  throw new Error(`fetch: auth.basic.${field} must be a string or { secret: 'SECRET_NAME' }`);
}

function declaredSecret(name: string, declared: Declared, field: string): string {
  if (!declared.secrets.includes(name)) throw new Error(`fetch: ${field}: secret "${name.slice(0, 64)}" is not declared in secrets`);
  return name;
}
