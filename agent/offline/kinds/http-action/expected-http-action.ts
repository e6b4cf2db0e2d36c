// The reference for HTTP action rules: what a correct function sends and returns for one event, given the
// answers each endpoint gives (a status with its own answer stops or fails there; an event before the
// rule's day waits). Written apart from the generated body (its own placeholder table, its own
// weekday arithmetic, its own encoding), so a mistake in either one fails the fixtures.

import { waitOf } from './expected-dates.ts';
import { conditionsHold, filled, NEEDED, placeholderValue, type EventShape } from './expected-values.ts';
import type { Auth, HttpActionRule, ValueCheck, ValueTable } from './http-action-rule.ts';

export type { EventShape } from './expected-values.ts';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Call {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Outcome {
  calls: Call[];
  /** The answers the fixture must mock, in order (token requests included). */
  mocks: Array<{ method: string; url: string; answer: Answer }>;
  output?: unknown;
  /** A part of the error message the function must throw. */
  error?: string;
}


function authorization(auth: Auth, secrets: Record<string, string>, accessToken: string): string | undefined {
  if (auth.scheme === 'bearer') return `Bearer ${secrets[auth.secret] ?? ''}`;
  if (auth.scheme === 'basic') return `Basic ${Buffer.from(`${auth.username}:${secrets[auth.passwordSecret] ?? ''}`).toString('base64')}`;
  if (auth.scheme === 'basic-key') return `Basic ${Buffer.from(`${secrets[auth.usernameSecret] ?? ''}:${auth.password}`).toString('base64')}`;
  if (auth.scheme === 'oauth') return `Bearer ${accessToken}`;
  return undefined;
}

/** The error for the first value without its shape: an address needs one '@' and a dot inside its domain. */
function wrongShape(checks: ValueCheck[], event: EventShape, tables: ValueTable[]): string | undefined {
  for (const check of checks) {
    const value = String(filled(check.value, event, [], tables) ?? '');
    const [local = '', domain = '', ...more] = value.split('@');
    const address = more.length === 0 && local !== '' && /^[^\s]+\.[^\s]+$/.test(domain) && !/\s/.test(local);
    if (check.shape === 'email' && !address) return 'is not an email address';
    if (check.shape === 'word' && value.split(/\s/).length > 1) return 'contains spaces';
  }
  return undefined;
}

/** What the function does for this event when step N answers `answerFor(N)`. */
export function expectedRun(
  rule: HttpActionRule,
  event: EventShape,
  secrets: Record<string, string>,
  answerFor: (step: number) => Answer,
  accessToken: string,
): Outcome {
  const outcome: Outcome = { calls: [], mocks: [] };
  if (!conditionsHold(rule.when, event)) return { ...outcome, output: rule.skipOutput };
  const running = rule.steps.map((step) => conditionsHold(step.when, event));
  const used = JSON.stringify(rule.steps.filter((_step, index) => running[index]).map((step) => [step.url, step.body]));
  for (const name of NEEDED) {
    const value = placeholderValue(name, event, []);
    const empty = value === undefined || value === null || String(value).trim() === '';
    const named = used.includes(`<${name}>`) || used.includes(`<${name}:lower>`);
    if (named && empty) return { ...outcome, error: `${name} is missing` };
  }
  const wrong = wrongShape(rule.checks ?? [], event, rule.tables);
  if (wrong) return { ...outcome, error: wrong };
  const wait = waitOf(rule, event);
  if (wait.kind === 'error') return { ...outcome, error: wait.error };
  if (wait.kind === 'wait') return { ...outcome, output: filled(wait.output, event, [], rule.tables) };
  const answers: unknown[] = [];
  const tokensFetched = new Set<string>();
  for (let index = 0; index < rule.steps.length; index++) {
    const step = rule.steps[index];
    if (!step || !running[index]) {
      answers.push(undefined);
      continue;
    }
    if (step.auth.scheme === 'oauth' && !tokensFetched.has(`${step.auth.tokenUrl} ${step.auth.clientId}`)) {
      tokensFetched.add(`${step.auth.tokenUrl} ${step.auth.clientId}`);
      outcome.calls.push({ method: 'POST', url: step.auth.tokenUrl });
      const token = { access_token: accessToken, token_type: 'Bearer', expires_in: 3599 };
      outcome.mocks.push({ method: 'POST', url: step.auth.tokenUrl, answer: { status: 200, body: token } });
    }
    const url = String(filled(step.url, event, answers, rule.tables, secrets));
    const header = authorization(step.auth, secrets, accessToken);
    const call: Call = { method: step.method, url, ...(header ? { headers: { authorization: header } } : {}) };
    if (step.body !== null) call.body = filled(step.body, event, answers, rule.tables);
    outcome.calls.push(call);
    const answer = answerFor(index + 1);
    outcome.mocks.push({ method: step.method, url, answer });
    const own = step.onStatus?.find((candidate) => candidate.status === answer.status);
    if (own && 'error' in own) return { ...outcome, error: String(filled(own.error, event, answers, rule.tables)) };
    if (own) return { ...outcome, output: filled(own.output, event, answers, rule.tables) };
    if (answer.status !== step.successStatus) {
      // The step's own opening, then the status and the reason its header gives.
      const opening = step.failureMessage ? `${String(filled(step.failureMessage, event, answers, rule.tables))}: ` : '';
      const header = Object.keys(answer.headers ?? {}).find((name) => name.toLowerCase() === step.errorHeader?.toLowerCase());
      const reason = header ? `: ${answer.headers?.[header]}` : '';
      return { ...outcome, error: `${opening}HTTP ${answer.status}${reason}` };
    }
    for (const path of step.requires) {
      let value: unknown = answer.body;
      for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (value === undefined || value === null) return { ...outcome, error: `without ${path}` };
    }
    answers.push(answer.body);
  }
  return { ...outcome, output: filled(rule.output, event, answers, rule.tables) };
}
