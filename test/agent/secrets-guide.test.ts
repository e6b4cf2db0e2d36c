// The author (a model or the offline one) learns secrets the way the contract states them: the system
// prompt carries the Secrets section, its example template binds secrets and sends them with `auth`.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../agent/index.ts';
import { buildSystemPrompt } from '../../agent/loop/system-prompt.ts';
import { SDK_DECLARATIONS } from '../../core/sdk/index.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));
const prompt = buildSystemPrompt(templates).map((part) => part.text).join('\n');

describe('what the author is told about secrets', () => {
  it('includes the Secrets section: bindings, auth, placeholders, OAuth client credentials, dry runs', () => {
    for (const text of ['## Secrets', "{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com'] }", "auth: { bearer: 'GRAPH_TOKEN' }", 'joinery-secret-<run nonce>-NAME', "auth: { oauth: 'graph' }", 'grant_type=client_credentials', '**Dry runs**']) {
      expect(prompt).toContain(text);
    }
  });

  it('declares the binding, the auth options and the OAuth client in the SDK the type-checker and models read', () => {
    for (const text of ['export interface SecretBinding', 'export type FetchAuth', 'auth?: FetchAuth', 'export interface OAuthClientCredentials', 'secrets: Array<string | SecretBinding>', 'oauth?: Record<string, OAuthClientCredentials>']) {
      expect(SDK_DECLARATIONS).toContain(text);
    }
  });

  it('shows an example that never builds a credential from a secret value', () => {
    expect(prompt).toContain("auth: { bearer: 'GRAPH_TOKEN' }");
    expect(prompt).not.toMatch(/Bearer \$\{\s*(?:await\s+)?(?:token|ctx\.secrets)/);
    expect(prompt).not.toContain("secrets: ['GRAPH_TOKEN', 'SLACK_WEBHOOK_PATH']");
  });
});
