// What a function declares about itself must be well-formed before anything is tested or published:
// the registry and the runtime trust the stored manifest, not the code.

import type { FunctionManifest } from '../execution/types.ts';
import { boundHostsOf, hostIsListed } from '../runtime/index.ts';
import type { OAuthClientCredentials } from '../sdk/index.ts';

const TRIGGERS = new Set(['user.joined', 'user.moved', 'user.left', 'manual', 'schedule']);
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SECRET_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const PORT_SUFFIX = /:(\d{1,5})$/;

/** A host name, optionally `:port` (1-65535); without one only the scheme's default port is reachable. */
function isEgressEntry(entry: string): boolean {
  const port = PORT_SUFFIX.exec(entry)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return false;
  return HOST_PATTERN.test(port === undefined ? entry : entry.slice(0, -(port.length + 1)));
}

const OAUTH_CLIENT_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Problems with a manifest, each a sentence naming the field; empty when it is valid. */
export function validateManifest(manifest: FunctionManifest): string[] {
  const problems: string[] = [];
  if (!NAME_PATTERN.test(manifest.name) || manifest.name.length > 63) {
    problems.push(`name "${manifest.name}" must be kebab-case (a-z, 0-9, single hyphens), at most 63 characters`);
  }
  if (!manifest.description.trim()) problems.push('description must not be empty');
  if (!TRIGGERS.has(manifest.trigger)) {
    problems.push(`trigger "${manifest.trigger}" must be one of ${[...TRIGGERS].join(', ')}`);
  }
  for (const host of manifest.egress) {
    if (!isEgressEntry(host)) {
      problems.push(`egress host "${host}" must be a lower-case DNS name such as graph.microsoft.com, optionally with a port (graph.example.com:8443); no scheme, path or IP`);
    }
  }
  for (const name of manifest.secrets) {
    if (!SECRET_PATTERN.test(name)) problems.push(`secret name "${name}" must match ${SECRET_PATTERN.source}`);
  }
  for (const [field, list] of [['egress', manifest.egress], ['secrets', manifest.secrets]] as const) {
    const duplicates = list.filter((item, index) => list.indexOf(item) !== index);
    if (duplicates.length > 0) problems.push(`${field} lists "${duplicates[0]}" more than once`);
  }
  for (const [name, hosts] of Object.entries(manifest.secretHosts ?? {})) {
    problems.push(...hostListProblems(`secret ${name}: hosts`, hosts, manifest.egress));
  }
  for (const [name, client] of Object.entries(manifest.oauth ?? {})) problems.push(...oauthClientProblems(name, client, manifest));
  return problems;
}

/** A binding lists at least one host, and only hosts the function may call at all. */
function hostListProblems(field: string, hosts: readonly string[], egress: readonly string[]): string[] {
  if (hosts.length === 0) return [`${field} must list at least one host`];
  return hosts.filter((host) => !egress.includes(host)).map((host) => `${field} lists "${host}", which is not in egress; a secret may only go to egress hosts`);
}

/** The egress comparison itself; a list with a malformed entry (reported on its own) matches nothing. */
function listed(hosts: readonly string[], url: URL): boolean {
  try {
    return hostIsListed(hosts, url);
  } catch {
    return false;
  }
}

function oauthClientProblems(name: string, client: OAuthClientCredentials, manifest: FunctionManifest): string[] {
  const field = `oauth.${name}`;
  const problems: string[] = [];
  if (!OAUTH_CLIENT_PATTERN.test(name)) problems.push(`${field}: the client name must match ${OAUTH_CLIENT_PATTERN.source}`);
  let tokenUrl: URL | undefined;
  try {
    const url = new URL(client.tokenUrl);
    if (url.protocol === 'https:' || url.protocol === 'http:') tokenUrl = url;
    else problems.push(`${field}.tokenUrl must be an https URL`);
  } catch {
    problems.push(`${field}.tokenUrl "${client.tokenUrl.slice(0, 200)}" is not a URL`);
  }
  const tokenHost = tokenUrl?.host;
  if (tokenUrl !== undefined && !listed(manifest.egress, tokenUrl)) problems.push(`${field}.tokenUrl: the host "${tokenHost}" must be in egress`);
  problems.push(...hostListProblems(`${field}.hosts`, client.hosts, manifest.egress));
  const secretNames = [client.clientSecret, ...(typeof client.clientId === 'string' ? [] : [client.clientId.secret])];
  for (const secret of secretNames) {
    if (!manifest.secrets.includes(secret)) {
      problems.push(`${field}: secret "${secret}" must be declared in secrets, e.g. { name: '${secret}', hosts: ['${tokenHost ?? 'login.example.com'}'] }`);
      continue;
    }
    if (tokenUrl !== undefined && !listed(boundHostsOf(manifest, secret), tokenUrl)) {
      problems.push(`${field}: secret "${secret}" must be bound to the token host "${tokenHost}"`);
    }
  }
  if (typeof client.clientId === 'string' && client.clientId.trim() === '') problems.push(`${field}.clientId must not be empty`);
  return problems;
}
