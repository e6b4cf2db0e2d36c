// What the endpoints answer in a fixture, and the secrets and credentials a fixture holds: every answer
// field a later step, the output or a check reads; a failing step's error (which echoes the sensitive
// values of earlier answers, as an upstream may, so a function that does not cut them out is caught).

import type { Answer } from './expected-http-action.ts';
import type { HttpActionRule } from './http-action-rule.ts';

export const ACCESS_TOKEN = 'test-access-token-Q7';

/** The step that fails and how: another status, or an answer without a field. */
export interface Failing {
  step: number;
  status?: number;
  dropField?: string;
}

/** The value of every sensitive field of step N's answer (a one-time pass). */
export const sensitiveValue = (step: number) => `Pz4#${step}one-time`;

/** The sensitive values of the steps before step N: what its error may echo. */
export function sensitiveBefore(rule: HttpActionRule, step: number): string[] {
  return rule.steps.slice(0, step - 1).flatMap((earlier, index) => earlier.sensitive.map(() => sensitiveValue(index + 1)));
}

/** A JSON answer with every field a later step, the output or a check reads. */
export function answerOf(rule: HttpActionRule, step: number, failing: Failing | undefined): Answer {
  const template = rule.steps[step - 1] ?? rule.steps[0];
  const body: Record<string, unknown> = {};
  if (!template) return { status: 200, body };
  const referenced = [...JSON.stringify(rule).matchAll(new RegExp(`<steps\\.${step}\\.([\\w.]+)`, 'g'))].map((match) => match[1] ?? '');
  const paths = [...template.requires, ...template.sensitive, ...referenced];
  for (const path of paths) {
    if (failing?.step === step && failing.dropField === path) continue;
    const keys = path.split('.');
    let node = body;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const last = keys.at(-1) ?? path;
    node[last] = template.sensitive.includes(path) ? sensitiveValue(step) : `${last}-${step}-answer`;
  }
  const status = failing?.step === step && failing.status ? failing.status : template.successStatus;
  if (status === template.successStatus) return { status, body };
  if (status === 200) return { status, body: '<html><title>Sign in</title></html>' };
  // A service that gives its reason in a header (BambooHR) answers with a body that does not say it.
  if (template.errorHeader) return { status, headers: { [template.errorHeader]: 'Refused: the reason from the header' }, body: 'Bad Request' };
  const echoed = sensitiveBefore(rule, step);
  return { status, body: { error: { code: 'serverError', message: `Something went wrong${echoed.length > 0 ? ` with ${echoed.join(', ')}` : ''}` } } };
}

/** Every secret the rule names: in a URL, or as a step's credential. */
export function secretNames(rule: HttpActionRule): string[] {
  const inUrls = rule.steps.flatMap((step) => [...step.url.matchAll(/<secrets\.(\w+)>/g)].map((match) => match[1] ?? ''));
  const named = rule.steps.map((step) => step.auth).flatMap((auth) => {
    if (auth.scheme === 'bearer') return [auth.secret];
    if (auth.scheme === 'basic') return [auth.passwordSecret];
    if (auth.scheme === 'basic-key') return [auth.usernameSecret];
    return auth.scheme === 'oauth' ? [auth.clientSecret] : [];
  });
  return [...new Set([...inUrls, ...named])];
}
