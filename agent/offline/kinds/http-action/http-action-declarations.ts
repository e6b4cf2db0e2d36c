// What an HTTP action rule must declare to the host: the hosts it calls, each secret with the hosts it is
// bound to, and each OAuth client with its token endpoint and the hosts its token may go to.

import type { HttpActionRule } from './http-action-rule.ts';

export interface OAuthDeclaration {
  /** `<tokenUrl> <clientId>`: the same client used by several steps is declared once. */
  key: string;
  name: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  hosts: string[];
}

export interface Declarations {
  egress: string[];
  secrets: Array<{ name: string; hosts: string[] }>;
  oauth: OAuthDeclaration[];
}

/** The host of a URL template: placeholders in the path do not matter. */
function hostOf(url: string): string {
  return new URL(url.replace(/<[^>]*>/g, 'x')).host;
}

export function declarationsOf(rule: HttpActionRule): Declarations {
  const egress = new Set<string>();
  const secrets = new Map<string, Set<string>>();
  const oauth = new Map<string, OAuthDeclaration>();
  const bind = (name: string, host: string) => secrets.set(name, (secrets.get(name) ?? new Set()).add(host));
  for (const step of rule.steps) {
    const host = hostOf(step.url);
    egress.add(host);
    const auth = step.auth;
    // A secret in the URL (a Slack webhook's path) goes to that host only.
    for (const [, name = ''] of step.url.matchAll(/<secrets\.(\w+)>/g)) bind(name, host);
    if (auth.scheme === 'bearer') bind(auth.secret, host);
    if (auth.scheme === 'basic') bind(auth.passwordSecret, host);
    if (auth.scheme === 'basic-key') bind(auth.usernameSecret, host);
    if (auth.scheme === 'oauth') {
      const key = `${auth.tokenUrl} ${auth.clientId}`;
      const tokenHost = hostOf(auth.tokenUrl);
      egress.add(tokenHost);
      bind(auth.clientSecret, tokenHost);
      const { tokenUrl, clientId, clientSecret, scope } = auth;
      const client = oauth.get(key) ?? { key, name: `client${oauth.size + 1}`, tokenUrl, clientId, clientSecret, scope, hosts: [] };
      if (!client.hosts.includes(host)) client.hosts.push(host);
      oauth.set(key, client);
    }
  }
  return {
    egress: [...egress],
    secrets: [...secrets].map(([name, hosts]) => ({ name, hosts: [...hosts] })),
    oauth: [...oauth.values()],
  };
}
