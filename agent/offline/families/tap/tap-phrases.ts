// How admins say how long a Temporary Access Pass lives ("8 hours", "a day", "480 min", "2 wks") and
// whether it is single use.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { TapReading } from './tap-action.ts';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, 'forty-eight': 48, sixty: 60, ninety: 90,
  'twenty-four': 24, 'seventy-two': 72,
};
const WORD_NUMBER = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
// "8h", "30m", "2d" need the digits; a word number needs a unit word ("an hour", never "an d" in "and").
const DURATION = String.raw`\b(?:(\d+(?:[.,]\d+)?)\s?(m|h|d|w)|(\d+(?:[.,]\d+)?|${WORD_NUMBER})(?:\s*|-)(minutes?|mins?|hours?|hrs?|hr|days?|weeks?|wks?|months?))\b`;
const NOT_A_LIFETIME = String.raw`(?!\s*(?:before|prior|ahead|after|earlier|later|in advance|notice))`;

/** Minutes in one unit; a month is taken as 30 days (Graph's 43200-minute maximum). */
function unitMinutes(unit: string): number {
  const key = unit.toLowerCase();
  if (key.startsWith('mo')) return 43200;
  if (key.startsWith('m')) return 1;
  if (key.startsWith('h')) return 60;
  if (key.startsWith('d')) return 1440;
  return 10080;
}

function amount(text: string): number {
  const key = text.toLowerCase();
  return NUMBER_WORDS[key] ?? Number(key.replace(',', '.'));
}

/** The words the admin used for the lifetime, quoted back when it is out of range. */
const LIFETIME_SAID = new WeakMap<Recognition<TapReading>, string>();

export function lifetimeSaid(recognition: Recognition<TapReading>): string | undefined {
  return LIFETIME_SAID.get(recognition);
}

function stateLifetime(recognition: Recognition<TapReading>, minutes: number, said: string): void {
  if (!LIFETIME_SAID.has(recognition)) LIFETIME_SAID.set(recognition, said.trim());
  const earlier = recognition.params.lifetimeInMinutes;
  if (recognition.stated.has('lifetimeInMinutes') && earlier !== minutes) {
    recognition.problems.push(`the requirement gives two lifetimes for the pass (${earlier} minutes and "${said}")`);
  }
  state(recognition, 'lifetimeInMinutes', minutes);
  if (said.toLowerCase().includes('month')) recognition.assumptions.push('A month is taken as 30 days (43200 minutes), the longest lifetime Graph allows.');
}

export const LIFETIME_RULES: Rule<TapReading>[] = [
  {
    // "8 hours", "480 min", "1.5h", "a day", "2 weeks", "1 hour and 30 minutes", "8-hour"
    pattern: new RegExp(String.raw`${DURATION}(?:\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?)\b)?${NOT_A_LIFETIME}`, 'i'),
    apply: (match, recognition) => stateLifetime(recognition, Math.round(amount(match[1] ?? match[3]!) * unitMinutes(match[2] ?? match[4]!) + Number(match[5] ?? 0)), match[0]),
  },
  { pattern: /\b(\d{1,2})\s?h\s?(\d{2})\b/i, apply: (match, recognition) => stateLifetime(recognition, Number(match[1]) * 60 + Number(match[2]), match[0]) },
  {
    // "lifetimeInMinutes: 120", "lifetime 120" (a bare number is minutes, Graph's unit)
    pattern: /\b(?:lifetime(?:\s*in\s*minutes)?|duration|validity|ttl)\s*(?:of|is|=|:)?\s*(\d+)\b(?!\s*(?:[.,]\d|min|hour|hr|day|week|month|[hmdw]\b))/i,
    apply: (match, recognition) => {
      if (!/minutes/i.test(match[0])) recognition.assumptions.push(`"${match[0]}" gives no unit; it is taken as minutes, Graph's unit.`);
      stateLifetime(recognition, Number(match[1]), match[0]);
    },
  },
  { pattern: /\b(?:a few|several|some|a couple of|couple of|many)\s+(?:minutes|hours|days|weeks)\b|\b(?:default|policy'?s?)\s+(?:lifetime|duration|validity)\b|\b(?:end|close) of (?:the |their )?(?:first )?(?:day|week)\b/i, apply: (match, recognition) => recognition.problems.push(`"${match[0]}" is not a lifetime the function can send: give it in minutes, hours or days (10 minutes to 30 days)`) },
  { pattern: /\bhalf an hour\b/i, apply: (match, recognition) => stateLifetime(recognition, 30, match[0]) },
  { pattern: /\b(?:an?|one)\s+hour and a half\b/i, apply: (match, recognition) => stateLifetime(recognition, 90, match[0]) },
  { pattern: /\b(?:the\s+)?(?:max(?:imum)?|longest)(?:\s+(?:allowed|possible))?\s+(?:lifetime|duration|validity)\b|\bas long as (?:possible|allowed)\b/i, apply: (match, recognition) => stateLifetime(recognition, 43200, match[0]) },
  { pattern: /\b(?:the\s+)?(?:min(?:imum)?|shortest)(?:\s+(?:allowed|possible))?\s+(?:lifetime|duration|validity)\b/i, apply: (match, recognition) => stateLifetime(recognition, 10, match[0]) },
  {
    pattern: new RegExp(String.raw`${DURATION}\s*(?:before|prior to|ahead of|after|in advance)\b`, 'i'),
    apply: (match, recognition) => recognition.problems.push(`issuing the pass "${match[0]}" another date is not supported: it is issued when the function runs and can only be made valid from the start date`),
  },
];

export const USABILITY_RULES: Rule<TapReading>[] = [
  {
    pattern: /\bmulti(?:ple)?[- ]?(?:use|time)s?\b|\bmultiple (?:uses|sign[- ]?ins|logins|log[- ]?ons)\b|\bre-?usable\b|\b(?:used|usable|use it|work)\s+(?:more than once|multiple times|several times|many times|repeatedly|again)\b|\bmore than once\b|\bnot (?:just |only )?(?:once|(?:a )?one[- ]?time|single[- ]?use)\b|\bisUsableOnce\W*false\b/i,
    apply: (_match, recognition) => state(recognition, 'isUsableOnce', false),
  },
  {
    pattern: /\bone[- ]?(?:time|shot|off)(?:[- ]?(?:use|only|password|code))?\b|\bsingle[- ]?(?:use|sign[- ]?in|login)\b|\b(?:usable|used|use it|works?|valid)\s+(?:only\s+)?once\b|\bonly (?:be )?(?:used |usable |work |valid )?once\b|\bonce only\b|\bisUsableOnce\W*true\b/i,
    apply: (_match, recognition) => state(recognition, 'isUsableOnce', true),
  },
];
