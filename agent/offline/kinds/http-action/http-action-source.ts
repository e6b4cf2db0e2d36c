// The function generated from an HTTP action rule: the rule as its parameter block, the declarations the
// host needs (egress, secrets bound to their hosts, OAuth clients), then one reviewed body that checks the
// conditions, runs the steps in order and returns the output (source-values.ts, source-run.ts). Only the
// block and the declarations vary.

import { PARAMS_END, PARAMS_START } from '../../../templates/index.ts';
import { declarationsOf, type OAuthDeclaration } from './http-action-declarations.ts';
import type { HttpActionRule } from './http-action-rule.ts';
import { REQUEST_HELPERS, RUN } from './source-run.ts';
import { VALUE_HELPERS } from './source-values.ts';

const clientLine = ({ name, tokenUrl, clientId, clientSecret, scope, hosts }: OAuthDeclaration) =>
  `    ${name}: ${JSON.stringify({ tokenUrl, clientId, clientSecret, scope, hosts })},`;

export function httpActionSource(rule: HttpActionRule): string {
  const { egress, secrets, oauth } = declarationsOf(rule);
  const hosts = (list: string[]) => `[${list.map((host) => `'${host}'`).join(', ')}]`;
  const definition = [
    'export default defineFunction({',
    '  name: PARAMS.functionName,',
    `  description: 'Runs ${rule.steps.length} HTTP step${rule.steps.length === 1 ? '' : 's'} for the people the rule is for.',`,
    '  trigger: PARAMS.trigger,',
    `  egress: ${hosts(egress)},`,
    `  secrets: [${secrets.map((secret) => `{ name: '${secret.name}', hosts: ${hosts(secret.hosts)} }`).join(', ')}],`,
    ...(oauth.length > 0 ? [`  oauth: {\n${oauth.map(clientLine).join('\n')}\n  },`] : []),
  ].join('\n');
  const clients = `const OAUTH_CLIENTS: Record<string, string> = ${JSON.stringify(Object.fromEntries(oauth.map((client) => [client.key, client.name])))};`;
  const block = [PARAMS_START, `const PARAMS: Params = ${JSON.stringify(rule, null, 2)};`, PARAMS_END];
  return [HEADER, ...block, clients, VALUE_HELPERS, REQUEST_HELPERS, definition, RUN].join('\n');
}

const HEADER = `import { defineFunction, type LifecycleEvent } from '@joinery/sdk';

type Condition = { field: 'department' | 'location' | 'title' | 'employmentType' | 'startWeekday'; values: string[]; negate: boolean };
type Auth =
  | { scheme: 'none' }
  | { scheme: 'bearer'; secret: string }
  | { scheme: 'basic'; username: string; passwordSecret: string }
  | { scheme: 'basic-key'; usernameSecret: string; password: string }
  | { scheme: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string; scope: string };

/** The HTTP action rule this function was generated from. */
interface Params {
  functionName: string;
  trigger: 'user.joined' | 'user.left' | 'manual';
  when: Condition[];
  skipOutput: Record<string, unknown>;
  wait?: { date: 'lastDay'; days: number; output: Record<string, unknown> };
  steps: Array<{
    when: Condition[]; method: string; url: string; auth: Auth; body: unknown; successStatus: number; requires: string[]; sensitive: string[];
    errorHeader?: string; failureMessage?: string;
    onStatus?: Array<{ status: number; warning: string; output: Record<string, unknown> } | { status: number; error: string }>;
  }>;
  tables: Array<{ name: string; rows: Array<{ when: Condition[]; value: unknown }>; otherwise: unknown }>;
  output: Record<string, unknown>;
  checks?: Array<{ value: string; shape: 'email' | 'word' }>;
}
`;

