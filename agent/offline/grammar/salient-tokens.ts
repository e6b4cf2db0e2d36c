// The words of a clause that carry a decision: numbers, quoted values, prefixes, days and months,
// delivery channels, places and the kinds of people a rule may be limited to. Each must end up in
// something the author produced (a setting, an example fixture, the template's fixed behaviour), or the
// author refuses: "Contractors get a c- prefix" is never read as just "Contractors get a prefix".

import {
  BELOW_PATTERN,
  CHANNEL_PATTERN,
  DAY_PATTERN,
  NOT_PLACES,
  NUMBER_WORDS,
  PEOPLE,
  PEOPLE_PATTERN,
  PLACE_ABBREVIATION_PATTERN,
  PLACE_CONTEXT_PATTERN,
  PLACE_PATTERN,
  UNIT_MINUTES,
} from './vocabulary.ts';

type SalientKind = 'number' | 'quoted' | 'affix' | 'day' | 'channel' | 'place' | 'people';

export interface SalientToken {
  kind: SalientKind;
  /** As written. */
  text: string;
  /** What evidence must show: a number as digits, a word singular and lower case, a quote's inside. */
  value: string;
  /** Other values that say the same: "8 hours" is also 480 (minutes), "freelancers" may be read as contractors. */
  also: string[];
  start: number;
  end: number;
}

/** Spans that are names or values of another kind: URLs, addresses, placeholders, code, secret names. */
const OPAQUE = [
  /\bhttps?:\/\/[^\s"'“”<>)]+/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /<[^<>\n]{0,60}>|`[^`\n]{0,80}`/g,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g,
  /(?:^|\s)\/[\w./-]+/g,
  /#[\w-]+/g,
  /%[0-9A-Fa-f]{2}/g,
  /\bX-[A-Za-z]+(?:-[A-Za-z]+)+\b/g,
];
/** A quoted value stands for everything inside it ("Finance kit: ThinkPad X1, two monitors"). */
const QUOTED = /(["“”'‘’])([^"“”‘’\n]{1,120}?)\1|[“‘]([^"“”‘’\n]{1,120}?)[”’]/g;
const AFFIX = /(?<![\w.@'’-])([A-Za-z0-9]{1,5}[-_.])(?=\s|$|,)/g;
const ABBREVIATION = /^(?:etc|vs|incl|no|mr|mrs|ms|dr|st|ie|eg|e\.g|i\.e|approx|dept)\.$/i;
const NUMBER = /(?<![\w.:/-])(\d+(?::\d\d)?)(?![\w@/]|\.\d|-\w)/g;
const NUMBER_WORD = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');

export function findSalientTokens(text: string): SalientToken[] {
  const masked = maskOpaque(text);
  const tokens: SalientToken[] = [];
  const add = (kind: SalientKind, match: RegExpExecArray, value: string, { group = 0, also = [] as string[] } = {}) => {
    const written = match[group] ?? match[0];
    const start = match.index + (group === 0 ? 0 : match[0].indexOf(written));
    if (tokens.some((token) => start < token.end && token.start < start + written.length)) return;
    tokens.push({ kind, text: written, value, also, start, end: start + written.length });
  };
  for (const match of masked.matchAll(QUOTED)) {
    const inside = match[2] ?? match[3] ?? '';
    if (match[1] === "'" && /\w/.test(masked[match.index - 1] ?? '')) continue;
    // A quoted format with placeholders ("New starter: <name>") describes a built value, not a name.
    if (/[<{]/.test(text.slice(match.index, match.index + match[0].length)) || !/[\p{L}\p{N}]/u.test(inside)) continue;
    add('quoted', match, inside.trim().toLowerCase());
  }
  for (const match of masked.matchAll(AFFIX)) {
    const affix = match[1] ?? '';
    if (ABBREVIATION.test(affix) || (affix.endsWith('.') && !/\b(?:prefix|suffix|in front|start|begin)/i.test(masked))) continue;
    add('affix', match, affix.toLowerCase(), { group: 1 });
  }
  for (const match of masked.matchAll(NUMBER)) {
    const value = match[1]?.includes(':') ? (match[1] ?? '') : String(Number(match[1]));
    add('number', match, value, { group: 1, also: sameNumber(masked, value, match.index, match.index + match[0].length) });
  }
  for (const match of masked.matchAll(NUMBER_WORD)) {
    const value = String(NUMBER_WORDS[(match[1] ?? '').toLowerCase()]);
    add('number', match, value, { group: 1, also: sameNumber(masked, value, match.index, match.index + match[0].length) });
  }
  for (const match of masked.matchAll(DAY_PATTERN)) add('day', match, match[0].toLowerCase().replace(/s$/, ''));
  for (const match of masked.matchAll(CHANNEL_PATTERN)) {
    const channel = channelOf(match[0]);
    // Email is sent through a mail service: a reading that chose SendGrid or Graph sendMail accounts for it.
    add('channel', match, channel, { also: channel === 'email' ? ['sendgrid', 'sendmail'] : [] });
  }
  for (const match of masked.matchAll(PLACE_PATTERN)) add('place', match, match[0].toLowerCase().replace(/\s+/g, ' '));
  for (const match of masked.matchAll(PLACE_ABBREVIATION_PATTERN)) add('place', match, match[0].toLowerCase());
  for (const match of masked.matchAll(PLACE_CONTEXT_PATTERN)) {
    if (!NOT_PLACES.has(match[1] ?? '') && match.index > 0) add('place', match, (match[1] ?? '').toLowerCase(), { group: 1 });
  }
  for (const match of masked.matchAll(PEOPLE_PATTERN)) {
    const written = match[0].toLowerCase().replace(/\s+/g, ' ');
    const [value = written, ...also] = PEOPLE[written.replace(/s$/, '')] ?? PEOPLE[written] ?? [written.replace(/s$/, '')];
    add('people', match, value, { also });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** The text with opaque spans blanked out, same length, so offsets still point into the clause. */
function maskOpaque(text: string): string {
  let masked = text;
  for (const pattern of OPAQUE) masked = masked.replace(pattern, (span) => ' '.repeat(span.length));
  // JSON and placeholders ({"result": {"number"}}) open up one level per pass.
  for (let previous = ''; previous !== masked; ) {
    previous = masked;
    masked = masked.replace(/\{[^{}\n]{0,120}\}/g, (span) => ' '.repeat(span.length));
  }
  return masked;
}

/** "8 hours" is also 480 minutes; "under 21" is also 20. */
function sameNumber(masked: string, value: string, start: number, end: number): string[] {
  const unit = UNIT_MINUTES.find(([pattern]) => pattern.test(masked.slice(end, end + 12)));
  const below = BELOW_PATTERN.test(masked.slice(Math.max(0, start - 20), start));
  return [...(unit ? [String(Number(value) * unit[1])] : []), ...(below ? [String(Number(value) - 1)] : [])];
}

function channelOf(text: string): string {
  const lower = text.toLowerCase();
  const named = ['slack', 'teams', 'sendgrid', 'pagerduty'].find((channel) => lower.replace(/\s+/g, '').includes(channel));
  if (named) return named;
  return /sms|text message|whats/.test(lower) ? 'sms' : 'email';
}
