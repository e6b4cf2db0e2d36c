// The placeholders admins write ({upn}, <managerEmail>, <manager>, {event.account.userPrincipalName},
// <the pass>) read into the IR's names. One that names nothing the function has is reported, never guessed.

import type { Recognition } from '../../recognizer.ts';
import type { Loose } from './read-object.ts';
import { type HttpActionRule, type HttpStep, PLACEHOLDERS } from './http-action-rule.ts';
import { pendingOf } from './reading-state.ts';

const ALIASES: Record<string, string> = {
  upn: 'upn', userprincipalname: 'upn', 'event.account.userprincipalname': 'upn', 'account.userprincipalname': 'upn',
  manager: 'managerEmail', 'manager email': 'managerEmail', "manager's email": 'managerEmail', managermail: 'managerEmail',
  'event.id': 'eventId', 'event.account.email': 'accountEmail', 'event.account.username': 'username',
};

/** The IR name for a placeholder as written, or undefined. Steps so far may give "the pass". */
function placeholderName(written: string, steps: HttpStep[]): string | undefined {
  const key = written.trim().replace(/^event\.person\.|^person\./i, '').toLowerCase();
  const known = PLACEHOLDERS.find((name) => name.toLowerCase() === key);
  if (known) return known;
  if (ALIASES[key]) return ALIASES[key];
  // "the pass", "the TAP": the one-time pass an earlier step answered with.
  if (/^(?:the )?(?:pass|tap|temporary access pass|code)$/.test(key)) {
    const index = steps.findIndex((step) => step.sensitive.length > 0);
    const field = steps[index]?.sensitive[0];
    if (field) return `steps.${index + 1}.${field}`;
  }
  return undefined;
}

/**
 * "<number>" after "it answers 201 with { result: { number } }": the field of an earlier step's answer,
 * which that step must then hold; a credential field ("<password>") only where a request sends it.
 */
function answerPlaceholder(
  written: string,
  recognition: Recognition<HttpActionRule>,
  steps: HttpStep[],
  { sensitive = false, required = true }: { sensitive?: boolean; required?: boolean } = {},
): string | undefined {
  const shapes = pendingOf(recognition).shapes;
  for (let index = steps.length - 1; index >= 0; index--) {
    const path = pathsOf(shapes.get(index)).find((candidate) => candidate === written || candidate.endsWith(`.${written}`));
    const step = steps[index];
    if (!path || !step || (!sensitive && step.sensitive.includes(path))) continue;
    if (required && !step.requires.includes(path)) step.requires.push(path);
    return `steps.${index + 1}.${path}`;
  }
  return undefined;
}

/** Paths of an answer's shape: { result: { number, sys_id } } → result.number, result.sys_id. */
export function pathsOf(shape: Loose | undefined, prefix = ''): string[] {
  if (!shape || typeof shape !== 'object' || Array.isArray(shape)) return [];
  return Object.entries(shape).flatMap(([key, inner]) => [`${prefix}${key}`, ...pathsOf(inner, `${prefix}${key}.`)]);
}

/** Where a text is: a URL may hold `<secrets.NAME>`; a request body may send an earlier answer's credential. */
interface TextPlace {
  url?: boolean;
  body?: boolean;
}

/** Names a rule may use beyond the person's fields: the last day of a leaver, the first day after a wait. */
const DATES = ['lastDay', 'waitUntil'];

/**
 * One placeholder as written, in IR form, or undefined: a name, an alias or an earlier answer's field,
 * then `:lower` and `|text` as the IR writes them ("<location|remote>", "<accountEmail:lower>").
 */
export function irPlaceholder(written: string, recognition: Recognition<HttpActionRule>, steps: HttpStep[], place: TextPlace): string | undefined {
  const secret = /^secrets\.([A-Z][A-Z0-9_]*)$/.exec(written);
  if (secret) return place.url ? written : undefined;
  const form = /^([^|:]+?)(?:\s*:\s*(lower))?(\|[^|]*)?$/.exec(written);
  if (!form) return undefined;
  const base = (form[1] ?? '').trim();
  const answer = () => (/^\w+$/.test(base) ? answerPlaceholder(base, recognition, steps, { sensitive: place.body, required: !form[3] }) : undefined);
  const name = DATES.find((date) => date.toLowerCase() === base.toLowerCase()) ?? placeholderName(base, steps) ?? answer();
  return name === undefined ? undefined : `${name}${form[2] ? ':lower' : ''}${form[3] ?? ''}`;
}

/** A text with every {x} or <x> placeholder in IR form; names not understood are reported as problems. */
export function templated(text: string, recognition: Recognition<HttpActionRule>, steps: HttpStep[], where: string, place: TextPlace = {}): string {
  return text.replace(/<([^<>\n]{1,80})>|\{([^{}\n]{1,80})\}/g, (whole, angled: string | undefined, braced: string | undefined) => {
    const name = irPlaceholder((angled ?? braced ?? '').trim(), recognition, steps, place);
    if (name === undefined) {
      recognition.problems.push(`${where}: ${whole} is not a value the function has (it knows ${PLACEHOLDERS.map((known) => `<${known}>`).join(', ')})`);
      return whole;
    }
    return `<${name}>`;
  });
}

/** A body read from the text, every string templated; a shorthand key ({ text }) is a value not given. */
export function templatedBody(value: Loose, recognition: Recognition<HttpActionRule>, steps: HttpStep[], where: string): Loose {
  if (typeof value === 'string') {
    if (value === '<shorthand>') {
      recognition.problems.push(`${where}: a field is written without its value`);
      return value;
    }
    return templated(value, recognition, steps, where, { body: true });
  }
  if (Array.isArray(value)) return value.map((item) => templatedBody(item, recognition, steps, where));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, templatedBody(inner, recognition, steps, where)]));
  }
  return value;
}
