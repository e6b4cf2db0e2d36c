// What a definition may declare about secrets: plain names (every egress host, as before bindings), names
// bound to hosts within egress, and OAuth clients whose token host and secrets are declared too.

import { describe, expect, it } from 'vitest';
import type { FunctionManifest } from '../../core/execution/types.ts';
import { validateManifest } from '../../core/pipeline/index.ts';
import { boundHostsOf, readSecretDeclarations } from '../../core/runtime/index.ts';
import { checkManifest } from '../../sandbox/manifest.ts';

const base = { name: 'graph-leaver', description: 'Disables leavers.', trigger: 'user.left', egress: ['graph.microsoft.com', 'login.microsoftonline.com', 'hooks.slack.com'] };
const GRAPH_CLIENT = {
  tokenUrl: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', clientId: 'app-1', clientSecret: 'GRAPH_CLIENT_SECRET',
  scope: 'https://graph.microsoft.com/.default', hosts: ['graph.microsoft.com'],
};

function manifestOf(secrets: unknown, oauth?: unknown): FunctionManifest {
  const read = readSecretDeclarations(secrets, oauth);
  if (!read.ok) throw new Error(read.message);
  return { ...base, ...read.declarations };
}

describe('reading secret declarations', () => {
  it('keeps a plain name as it always was: no binding, every egress host', () => {
    const manifest = manifestOf(['GRAPH_TOKEN']);
    expect(manifest).toEqual({ ...base, secrets: ['GRAPH_TOKEN'] });
    expect(boundHostsOf(manifest, 'GRAPH_TOKEN')).toEqual(base.egress);
  });

  it('reads bindings and OAuth clients into the manifest', () => {
    const manifest = manifestOf([{ name: 'GRAPH_CLIENT_SECRET', hosts: ['login.microsoftonline.com'] }, 'SLACK_PATH'], { graph: GRAPH_CLIENT });
    expect(manifest.secrets).toEqual(['GRAPH_CLIENT_SECRET', 'SLACK_PATH']);
    expect(manifest.secretHosts).toEqual({ GRAPH_CLIENT_SECRET: ['login.microsoftonline.com'] });
    expect(manifest.oauth).toEqual({ graph: GRAPH_CLIENT });
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('refuses shapes it cannot read, in the sandbox too', () => {
    for (const [secrets, oauth] of [[[{ name: 'X' }], undefined], [[42], undefined], ['X', undefined], [[], { graph: { tokenUrl: 1 } }], [[], ['graph']]] as const) {
      expect(readSecretDeclarations(secrets, oauth).ok).toBe(false);
      expect(checkManifest({ ...base, secrets, oauth })).toMatchObject({ ok: false, message: expect.stringContaining('the function definition is invalid') });
    }
  });
});

describe('validateManifest: bindings and OAuth clients', () => {
  it('bound hosts must be egress hosts, at least one', () => {
    expect(validateManifest(manifestOf([{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com', 'evil.example.com'] }]))).toEqual([
      'secret GRAPH_TOKEN: hosts lists "evil.example.com", which is not in egress; a secret may only go to egress hosts',
    ]);
    expect(validateManifest(manifestOf([{ name: 'GRAPH_TOKEN', hosts: [] }]))).toEqual(['secret GRAPH_TOKEN: hosts must list at least one host']);
  });

  it('an OAuth client needs its token host in egress, its hosts in egress, and its secret declared and bound to the token host', () => {
    const problems = (client: object, secrets: unknown = [{ name: 'GRAPH_CLIENT_SECRET', hosts: ['login.microsoftonline.com'] }]) =>
      validateManifest(manifestOf(secrets, { graph: { ...GRAPH_CLIENT, ...client } }));
    expect(problems({ tokenUrl: 'https://login.example.org/token' })).toEqual([
      'oauth.graph.tokenUrl: the host "login.example.org" must be in egress',
      'oauth.graph: secret "GRAPH_CLIENT_SECRET" must be bound to the token host "login.example.org"',
    ]);
    expect(problems({ hosts: ['api.example.org'] })).toEqual(['oauth.graph.hosts lists "api.example.org", which is not in egress; a secret may only go to egress hosts']);
    expect(problems({}, [])).toEqual([expect.stringContaining('oauth.graph: secret "GRAPH_CLIENT_SECRET" must be declared in secrets')]);
    expect(problems({}, [{ name: 'GRAPH_CLIENT_SECRET', hosts: ['graph.microsoft.com'] }])).toEqual([
      'oauth.graph: secret "GRAPH_CLIENT_SECRET" must be bound to the token host "login.microsoftonline.com"',
    ]);
    expect(problems({ tokenUrl: 'ftp://login.microsoftonline.com/x', clientId: ' ' })).toEqual([
      'oauth.graph.tokenUrl must be an https URL', 'oauth.graph.clientId must not be empty',
    ]);
    expect(problems({ clientId: { secret: 'GRAPH_CLIENT_ID' } })).toEqual([expect.stringContaining('secret "GRAPH_CLIENT_ID" must be declared in secrets')]);
  });
});
