// A definition's `secrets` (names or { name, hosts }) and `oauth` clients, read into the manifest's form,
// and the one question every egress check asks of it: may this secret (or token) go to this host?
// Shape only: what the declarations mean (hosts within egress, ...) is validateManifest's job.

import type { FunctionManifest } from '../execution/types.ts';
import type { OAuthClientCredentials } from '../sdk/index.ts';
import { createHostAllowlist } from '../hosts/index.ts';

export type SecretDeclarations = Pick<FunctionManifest, 'secrets' | 'secretHosts' | 'oauth'>;

export type DeclarationsRead = { ok: true; declarations: SecretDeclarations } | { ok: false; message: string };

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readSecretDeclarations(secrets: unknown, oauth: unknown): DeclarationsRead {
  if (!Array.isArray(secrets)) return { ok: false, message: 'secrets must be an array of names or { name, hosts }' };
  const names: string[] = [];
  const bindings: Array<[string, string[]]> = [];
  for (const entry of secrets) {
    if (typeof entry === 'string') {
      names.push(entry);
    } else if (isRecord(entry) && typeof entry.name === 'string' && isStringArray(entry.hosts)) {
      names.push(entry.name);
      bindings.push([entry.name, [...entry.hosts]]);
    } else {
      return { ok: false, message: 'each secrets entry must be a name or { name: string, hosts: string[] }' };
    }
  }
  const declarations: SecretDeclarations = { secrets: names };
  // fromEntries: own data properties, even for a name such as "__proto__".
  if (bindings.length > 0) declarations.secretHosts = Object.fromEntries(bindings);
  if (oauth === undefined) return { ok: true, declarations };
  const clients = readOAuthClients(oauth);
  if (typeof clients === 'string') return { ok: false, message: clients };
  return { ok: true, declarations: { ...declarations, oauth: clients } };
}

function readOAuthClients(oauth: unknown): Record<string, OAuthClientCredentials> | string {
  if (!isRecord(oauth)) return 'oauth must be an object of clients by name';
  const clients: Array<[string, OAuthClientCredentials]> = [];
  for (const [name, client] of Object.entries(oauth)) {
    if (!isRecord(client)) return `oauth.${name} must be an object`;
    const { tokenUrl, clientId, clientSecret, scope, hosts } = client;
    const clientIdOk = typeof clientId === 'string' || (isRecord(clientId) && typeof clientId.secret === 'string');
    if (typeof tokenUrl !== 'string' || !clientIdOk || typeof clientSecret !== 'string' || !isStringArray(hosts) || (scope !== undefined && typeof scope !== 'string')) {
      return `oauth.${name} must be { tokenUrl: string, clientId: string | { secret: string }, clientSecret: string, scope?: string, hosts: string[] }`;
    }
    clients.push([name, {
      tokenUrl,
      clientId: typeof clientId === 'string' ? clientId : { secret: String((clientId as { secret: string }).secret) },
      clientSecret,
      ...(scope === undefined ? {} : { scope }),
      hosts: [...hosts],
    }]);
  }
  return Object.fromEntries(clients);
}

/** Where a declared secret's value may go: its bound hosts, or every egress host for a plain name. */
export function boundHostsOf(manifest: Pick<FunctionManifest, 'egress' | 'secretHosts'>, name: string): readonly string[] {
  const bound = manifest.secretHosts;
  return bound !== undefined && Object.hasOwn(bound, name) ? (bound[name] ?? []) : manifest.egress;
}

/** Whether a URL goes to one of `hosts`: the egress allowlist's own comparison (ports and `*.` entries included). */
export function hostIsListed(hosts: readonly string[], url: URL): boolean {
  return createHostAllowlist(hosts).allows(url);
}
