// After every clause: the auth read before its step, the OAuth client completed, the output resolved
// against the steps (a shorthand key, "<the id Graph returns>", "result.number"), and every gap named.

import type { Recognition } from '../../recognizer.ts';
import type { HttpActionRule, HttpStep } from './http-action-rule.ts';
import { finishForms } from './finish-forms.ts';
import { irPlaceholder, pathsOf, templated } from './placeholders.ts';
import { SHORTHAND, type Loose } from './read-object.ts';
import { pendingOf, statedSteps, stepNamed, write } from './reading-state.ts';

const NOT_FIELDS = new Set(
  'the a an it its their returns return returned answers answer gives given from of with new graph sendgrid servicenow jira slack okta that which'.split(' '),
);

function findInBody(body: unknown, key: string): unknown {
  if (!body || typeof body !== 'object') return undefined;
  if (!Array.isArray(body) && key in body) return (body as Record<string, unknown>)[key];
  for (const inner of Object.values(body)) {
    const found = findInBody(inner, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A field of a step's answer named by a word: the shape's path ending in it, else the word itself. */
function answerField(recognition: Recognition<HttpActionRule>, index: number, field: string): string {
  const paths = pathsOf(pendingOf(recognition).shapes.get(index));
  const path = paths.find((candidate) => candidate === field) ?? paths.find((candidate) => candidate.endsWith(`.${field}`)) ?? field;
  const step = statedSteps(recognition)[index];
  if (step?.sensitive.includes(path)) recognition.problems.push(`the output would hold ${path}, a credential the function must never return`);
  // A value the output needs must be in the answer: "201 without a number" is an error, not `ticket: null`.
  else if (step && !step.requires.includes(path)) step.requires.push(path);
  return `<steps.${index + 1}.${path}>`;
}

function resolveOutput(recognition: Recognition<HttpActionRule>, key: string, value: Loose): Loose {
  const steps = statedSteps(recognition);
  const last = steps.length - 1;
  if (typeof value !== 'string') return value;
  if (value === SHORTHAND) {
    const fromBody = steps.map((step) => findInBody(step.body, key)).find((found) => found !== undefined);
    if (fromBody !== undefined) return fromBody as Loose;
    const { shapes } = pendingOf(recognition);
    const index = [...shapes.keys()].find((at) => pathsOf(shapes.get(at)).some((path) => path === key || path.endsWith(`.${key}`)));
    if (index === undefined) {
      recognition.problems.push(`the output field "${key}" comes from no request body or answer the text describes`);
      return value;
    }
    return answerField(recognition, index, key);
  }
  const path = /^(?:result|response|answer|body)\.[\w.]+$/.exec(value);
  if (path) return answerField(recognition, last, value.replace(/^(?:response|answer|body)\./, ''));
  const whole = /^<([^<>]+)>$/.exec(value);
  if (!whole) return templated(value, recognition, steps, `the output field "${key}"`);
  const inner = whole[1] ?? '';
  const known = irPlaceholder(inner, recognition, steps, {});
  if (known) return `<${known}>`;
  const words = inner.split(/[^\w]+/).filter((word) => word && !NOT_FIELDS.has(word.toLowerCase()));
  const field = words.at(-1);
  if (!field || last < 0) {
    recognition.problems.push(`the output field "${key}: ${value}" names no value the function has`);
    return value;
  }
  return answerField(recognition, stepNamed(recognition, inner), field);
}

function completeAuth(recognition: Recognition<HttpActionRule>, steps: HttpStep[]): HttpStep[] {
  const pending = pendingOf(recognition);
  const { tokenUrl, clientId, clientSecret, scope } = pending.oauth;
  if (clientId !== undefined || tokenUrl || clientSecret) {
    const parts = { 'token endpoint': tokenUrl, 'client id': clientId, 'client secret (its secret name)': clientSecret, scope };
    const missing = Object.entries(parts).filter(([, given]) => !given).map(([name]) => name);
    if (missing.length > 0) recognition.problems.push(`the OAuth client credentials lack the ${missing.join(', ')}`);
    else pending.auth = { scheme: 'oauth', tokenUrl: tokenUrl ?? '', clientId: clientId ?? '', clientSecret: clientSecret ?? '', scope: scope ?? '' };
  }
  return steps.map((step, index) => (pending.auth && !pending.authStated.has(index) && step.auth.scheme === 'none' ? { ...step, auth: pending.auth } : step));
}

export function finishReading(recognition: Recognition<HttpActionRule>): void {
  const rule = recognition.params;
  const steps = finishForms(recognition, completeAuth(recognition, statedSteps(recognition)));
  if (steps.length === 0) {
    recognition.problems.push('no endpoint was given: write each call as its method and URL (POST https://…) with its credential, body and success status');
    return;
  }
  write(recognition, 'steps', steps);
  steps.forEach((step, index) => {
    const name = `step ${index + 1} (${step.method} ${step.url})`;
    const how = 'bearer token from the secret X, Basic auth user U with the password in secret S, or OAuth client credentials';
    if (step.auth.scheme === 'none' && !step.url.includes('<secrets.')) recognition.problems.push(`${name} has no credential: name its secret (${how})`);
    if (step.successStatus === 0) recognition.problems.push(`${name}: the status that means success was not given ("answers 201")`);
    if (step.body === null && step.method !== 'GET' && step.method !== 'DELETE') recognition.problems.push(`${name}: no body was given`);
  });
  const pending = pendingOf(recognition);
  const known = [...steps.map((step) => step.url), pending.oauth.tokenUrl, pending.oauth.scope].filter((url): url is string => Boolean(url));
  const bare = (url: string) => url.replace(/<[^>]*>|\{[^}]*\}/g, '');
  for (const url of pending.urls) {
    if (known.some((endpoint) => bare(endpoint) === bare(url))) continue;
    recognition.problems.push(`the URL ${url} is not an endpoint the function calls: write it as "POST ${url}" with its credential`);
  }
  if (rule.when.length > 0 && !recognition.stated.has('skipOutput')) {
    recognition.problems.push('what the function returns for the people the rule is not for was not said ("anyone else: return { skipped: true }")');
  }
  if (!pending.output) recognition.problems.push('what the function returns was not said ("Return { ticket: <number> }")');
  else write(recognition, 'output', Object.fromEntries(Object.entries(pending.output).map(([key, value]) => [key, resolveOutput(recognition, key, value)])));
}
