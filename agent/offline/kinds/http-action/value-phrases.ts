// What admins say about a value a request sends or an answer holds: "send their email in lower case"
// (the body's <accountEmail> becomes <accountEmail:lower>), "never log the password" (an answer field kept
// out of logs, output and errors; a credential is never logged anyway). Either names something the
// function has, or it is refused: a value no request sends, a field no answer holds.

import type { Recognition, Rule } from '../../recognizer.ts';
import type { HttpActionRule } from './http-action-rule.ts';
import { pendingOf, statedSteps, write } from './reading-state.ts';

/** The values a request may send lower-cased, by how admins name them. */
const LOWERABLE: Array<[RegExp, string]> = [
  [/^(?:e-?mail(?: address)?|work email|account email|mail)$/i, 'accountEmail'],
  [/^(?:us(?:e)?r\s?name|login)$/i, 'username'],
  [/^(?:upn|user principal name)$/i, 'upn'],
];
const VALUE = String.raw`(e-?mail(?:\s+address)?|work\s+email|account\s+email|us(?:e)?r\s?name|login|upn|user principal name)`;

function lowerCase(match: RegExpExecArray, recognition: Recognition<HttpActionRule>): void {
  const written = (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ');
  const name = LOWERABLE.find(([pattern]) => pattern.test(written))?.[1];
  const steps = statedSteps(recognition);
  const sent = () => new RegExp(`<${name}(\\|[^<>]*)?>`, 'g');
  if (!name || !steps.some((step) => sent().test(JSON.stringify([step.url, step.body])))) {
    recognition.problems.push(`"${match[0]}": no request before it sends <${name ?? written}>`);
    return;
  }
  const lowered = (text: string) => text.replace(sent(), (_whole, otherwise: string | undefined) => `<${name}:lower${otherwise ?? ''}>`);
  const lower = (value: unknown): unknown =>
    typeof value === 'string' ? lowered(value)
    : Array.isArray(value) ? value.map(lower)
    : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, lower(inner)]))
    : value;
  write(recognition, 'steps', steps.map((step) => ({ ...step, url: lowered(step.url), body: lower(step.body) })));
}

export const VALUE_RULES: Rule<HttpActionRule>[] = [
  {
    pattern: new RegExp(
      String.raw`\b(?:send|write|put|pass|use|store)\s+(?:their|the|his|her)\s+${VALUE}\s+(?:in\s+)?lower[- ]?case(?:d)?\b` +
        String.raw`|\blower[- ]?case\s+(?:their|the|his|her)\s+${VALUE}\b`,
      'i',
    ),
    apply: lowerCase,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:never|do not|don'?t|must not)\s+(?:log|print|show|write down)(?:\s+or\s+return)?\s+(?:the|their|its|any)\s+` +
        String.raw`((?:[\w-]+\s+){0,2}?[\w-]+?)(?=\s*(?:[.,;:(]|$|\s+(?:anywhere|in|it|either|ever)\b))`,
      'i',
    ),
    apply: (match, recognition) => void pendingOf(recognition).neverLog.push({ name: (match[1] ?? '').toLowerCase(), phrase: match[0] }),
  },
];
