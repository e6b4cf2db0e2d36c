// The function generated from an HTTP action rule: the rule as its parameter block, the declarations the
// host needs (egress, secrets bound to their hosts, OAuth clients), then one reviewed body that checks the
// conditions, runs the steps in order and returns the output. Only the block and the declarations vary.

import { PARAMS_END, PARAMS_START } from '../../../templates/index.ts';
import { declarationsOf, type OAuthDeclaration } from './http-action-declarations.ts';
import type { HttpActionRule } from './http-action-rule.ts';

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
  return [HEADER, PARAMS_START, `const PARAMS: Params = ${JSON.stringify(rule, null, 2)};`, PARAMS_END, clients, HELPERS, definition, RUN].join('\n');
}

const HEADER = `import { defineFunction, type LifecycleEvent } from '@joinery/sdk';

type Condition = { field: 'department' | 'location' | 'title' | 'employmentType' | 'startWeekday'; values: string[]; negate: boolean };
type Auth =
  | { scheme: 'none' }
  | { scheme: 'bearer'; secret: string }
  | { scheme: 'basic'; username: string; passwordSecret: string }
  | { scheme: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string; scope: string };

/** The HTTP action rule this function was generated from. */
interface Params {
  functionName: string;
  trigger: 'user.joined' | 'manual';
  when: Condition[];
  skipOutput: Record<string, unknown>;
  steps: Array<{ when: Condition[]; method: string; url: string; auth: Auth; body: unknown; successStatus: number; requires: string[]; sensitive: string[] }>;
  tables: Array<{ name: string; rows: Array<{ when: Condition[]; value: unknown }>; otherwise: unknown }>;
  output: Record<string, unknown>;
}
`;

const HELPERS = `
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const REQUIRED = ['upn', 'managerEmail', 'accountEmail', 'username'];

function fieldOf(event: LifecycleEvent, field: Condition['field']): string {
  if (field === 'startWeekday') return WEEKDAYS[new Date(\`\${event.person.startDate}T00:00:00Z\`).getUTCDay()] ?? '';
  return String(event.person[field] ?? '');
}

/** Every condition holds: the field (trimmed, any case) is one of the values, or none of them when negated. */
function holds(conditions: Condition[], event: LifecycleEvent): boolean {
  return conditions.every((condition) => {
    const value = fieldOf(event, condition.field).trim().toLowerCase();
    return condition.values.some((wanted) => wanted.trim().toLowerCase() === value) !== condition.negate;
  });
}

function valueOf(name: string, event: LifecycleEvent, answers: unknown[]): unknown {
  const person = event.person;
  const step = /^steps\\.(\\d+)\\.(.+)$/.exec(name);
  if (step) return step[2]!.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], answers[Number(step[1]) - 1]);
  const table = PARAMS.tables.find((candidate) => \`tables.\${candidate.name}\` === name);
  if (table) {
    const row = table.rows.find((candidate) => holds(candidate.when, event));
    return row ? row.value : table.otherwise;
  }
  const values: Record<string, unknown> = {
    firstName: person.firstName, lastName: person.lastName, preferredName: person.preferredName, department: person.department,
    location: person.location, title: person.title, employmentType: person.employmentType, startDate: person.startDate,
    employeeId: person.employeeId, managerEmail: person.managerEmail, eventId: event.id,
    name: \`\${person.preferredName?.trim() || person.firstName} \${person.lastName}\`,
    upn: event.account?.userPrincipalName, accountEmail: event.account?.email, username: event.account?.username,
  };
  return values[name];
}

/** <name|text>: the value trimmed, or the text when it is missing or blank; <name>: the value as it is. */
function placeholder(name: string, otherwise: string | undefined, event: LifecycleEvent, answers: unknown[]): unknown {
  const value = valueOf(name, event, answers);
  return otherwise === undefined ? value : String(value ?? '').trim() || otherwise;
}

/** A template filled from the event and the answers so far; a string that is one placeholder keeps its type. */
function fill(template: unknown, event: LifecycleEvent, answers: unknown[], inUrl = false): unknown {
  if (Array.isArray(template)) return template.map((item) => fill(item, event, answers, inUrl));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fill(value, event, answers, inUrl)]));
  }
  if (typeof template !== 'string') return template;
  const whole = /^<([\\w.]+)(?:\\|([^<>]*))?>$/.exec(template);
  if (whole && !inUrl) return placeholder(whole[1]!, whole[2], event, answers) ?? null;
  return template.replace(/<([\\w.]+)(?:\\|([^<>]*))?>/g, (match, name: string, otherwise: string | undefined) => {
    // A secret stays named here: withSecrets puts in its placeholder, the host its value at egress.
    if (name.startsWith('secrets.')) return match;
    const value = String(placeholder(name, otherwise, event, answers) ?? '');
    return inUrl ? encodeURIComponent(value).replace(/%40/g, '@') : value;
  });
}

/** Each <secrets.NAME> in a URL as the secret's placeholder, unencoded (a webhook path holds slashes). */
async function withSecrets(url: string, secrets: { get(name: string): Promise<string> }): Promise<string> {
  let result = url;
  for (const [whole, name] of url.matchAll(/<secrets\\.(\\w+)>/g)) result = result.replace(whole, await secrets.get(name!));
  return result;
}

/** Placeholders that must have a value before anything is called. */
function missing(event: LifecycleEvent, steps: Params['steps']): string[] {
  const used = JSON.stringify(steps.map((step) => [step.url, step.body]));
  return REQUIRED.filter((name) => used.includes(\`<\${name}>\`) && !String(valueOf(name, event, []) ?? '').trim());
}

function authOf(auth: Auth): Record<string, unknown> {
  if (auth.scheme === 'bearer') return { auth: { bearer: auth.secret } };
  if (auth.scheme === 'basic') return { auth: { basic: { username: auth.username, password: { secret: auth.passwordSecret } } } };
  if (auth.scheme === 'oauth') return { auth: { oauth: OAUTH_CLIENTS[\`\${auth.tokenUrl} \${auth.clientId}\`] ?? '' } };
  return {};
}

async function failure(response: { status: number; text(): Promise<string> }): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    if (error?.code || error?.message) return \`HTTP \${response.status} \${error.code ?? ''}: \${error.message ?? ''}\`;
  } catch {
    // not JSON: the first characters of the text say enough
  }
  return \`HTTP \${response.status}: \${text.slice(0, 200)}\`;
}
`;

const RUN = `  async run(event, ctx) {
    // 1. People the rule is not for get the skip output, and nothing is called.
    if (!holds(PARAMS.when, event)) {
      ctx.log.info('the rule does not apply to this person; nothing called');
      return PARAMS.skipOutput;
    }
    const steps = PARAMS.steps.filter((step) => holds(step.when, event));
    // 2. Refuse before any call when a value a request needs is missing.
    const absent = missing(event, steps);
    const who = \`\${event.person.firstName} \${event.person.lastName}\`;
    if (absent.length > 0) throw new Error(\`cannot run for \${who}: \${absent.join(', ')} is missing; nothing was called\`);
    // 3. The steps in order; a step's answer feeds the later ones. A failed step stops the rest.
    const answers: unknown[] = [];
    for (const [index, step] of PARAMS.steps.entries()) {
      if (!steps.includes(step)) {
        answers.push(undefined);
        continue;
      }
      const url = await withSecrets(String(fill(step.url, event, answers, true)), ctx.secrets);
      const host = new URL(url).host;
      const body = step.body === null ? {} : { body: fill(step.body, event, answers) };
      const response = await ctx.http.fetch(url, { method: step.method, ...body, ...authOf(step.auth) });
      const done = index > 0 && answers.some((answer) => answer !== undefined) ? ' (the earlier steps were done)' : '';
      const what = \`step \${index + 1} (\${step.method} \${host})\`;
      if (response.status !== step.successStatus) throw new Error(\`\${what} failed\${done}: \${await failure(response)}, not \${step.successStatus}\`);
      const read = step.requires.length + step.sensitive.length > 0 || JSON.stringify(PARAMS).includes(\`<steps.\${index + 1}.\`);
      const answer = read ? await response.json() : {};
      const field = (path: string) => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], answer);
      const absentField = step.requires.find((path) => field(path) == null);
      if (absentField) throw new Error(\`\${what} answered \${response.status} without \${absentField}\${done}\`);
      answers.push(answer);
      ctx.log.info('step done', { step: index + 1, host, status: response.status });
    }
    return fill(PARAMS.output, event, answers) as Record<string, unknown>;
  },
});
`;
