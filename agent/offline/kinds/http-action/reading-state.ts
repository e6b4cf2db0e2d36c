// The reading of an HTTP action rule in progress: the IR in the recognition's parameters, plus what is read
// before it has a place (an OAuth client named before its step, response shapes, every URL the text gave).

import type { Recognition } from '../../recognizer.ts';
import type { Loose } from './read-object.ts';
import type { Auth, HttpActionRule, HttpStep } from './http-action-rule.ts';

export interface Pending {
  /** An auth read before any step ("OAuth client credentials: ..."), given to the steps without one. */
  auth?: Auth;
  oauth: { tokenUrl?: string; clientId?: string; clientSecret?: string; scope?: string };
  /** What each step answers, as the text showed it ("answers 201 with { result: { number, sys_id } }"). */
  shapes: Map<number, Loose>;
  /** Every URL the text named, checked in finish: each must be an endpoint, a token URL or a scope. */
  urls: string[];
  /** Output values still to resolve against the steps: `<the id Graph returns>`, shorthand keys. */
  output?: Record<string, Loose>;
  /** Steps with an explicitly stated auth; the others take the pending one. */
  authStated: Set<number>;
  /** "wait until 7 days after their last day" and what the function returns until then. */
  wait?: { days: number };
  waitOutput?: Record<string, Loose>;
  /** "never log the password": answer fields or credentials, settled in finish. */
  neverLog: Array<{ name: string; phrase: string }>;
}

const PENDING = new WeakMap<Recognition<HttpActionRule>, Pending>();

export function pendingOf(recognition: Recognition<HttpActionRule>): Pending {
  let pending = PENDING.get(recognition);
  if (!pending) {
    pending = { oauth: {}, shapes: new Map(), urls: [], authStated: new Set(), neverLog: [] };
    PENDING.set(recognition, pending);
  }
  return pending;
}

/** The steps the text stated (the defaults' example step is dropped at the first one). */
export function statedSteps(recognition: Recognition<HttpActionRule>): HttpStep[] {
  return recognition.stated.has('steps') ? recognition.params.steps : [];
}

/** Writes a top-level field so the reading trace records it, and marks it stated. */
export function write<K extends keyof HttpActionRule>(recognition: Recognition<HttpActionRule>, name: K, value: HttpActionRule[K]): void {
  recognition.params[name] = value;
  recognition.stated.add(name);
}

/** Services admins name for a step: "Graph answers 201", "SendGrid not answering 202". */
const SERVICES: Array<[RegExp, string]> = [
  [/\bgraph\b|\bentra\b|\bmicrosoft\b/i, 'graph.microsoft.com'],
  [/\bsendgrid\b/i, 'sendgrid.com'],
  [/\bservice-?now\b|\bsnow\b/i, 'service-now.com'],
  [/\bjira\b|\batlassian\b/i, 'atlassian.net'],
  [/\bslack\b/i, 'slack.com'],
  [/\bokta\b/i, 'okta.com'],
  [/\bbamboo ?hr\b/i, 'bamboohr.com'],
];

/** The step a phrase names by its service, else the last step read so far; -1 when there is none. */
export function stepNamed(recognition: Recognition<HttpActionRule>, text: string): number {
  const steps = statedSteps(recognition);
  for (const [pattern, host] of SERVICES) {
    if (!pattern.test(text)) continue;
    const index = steps.findIndex((step) => step.url.includes(host));
    if (index >= 0) return index;
  }
  return steps.length - 1;
}
