// How admins say when a Temporary Access Pass becomes valid: "from 8am UTC on their start date",
// "at 09:00 CET on day one", "valid immediately", or a worked example ("2026-12-01T08:00:00Z").

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { TapReading } from './tap-action.ts';

const ZONES: Record<string, string> = {
  utc: 'Z', gmt: 'Z', z: 'Z', cet: '+01:00', cest: '+02:00', bst: '+01:00', eet: '+02:00', eest: '+03:00',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};
const ZONE = String.raw`(utc|gmt|z|cet|cest|bst|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?)`;
const TIME = String.raw`\b(\d{1,2})(?![\d-])(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?|o'?clock)?\s*\(?\s*${ZONE}?\s*\)?`;

function offsetOf(zone: string | undefined): string {
  if (!zone) return 'Z';
  const named = ZONES[zone.toLowerCase()];
  if (named) return named;
  const [, sign, hours, minutes] = /([+-])(\d{1,2}):?(\d{2})?/.exec(zone)!;
  return `${sign}${hours!.padStart(2, '0')}:${minutes ?? '00'}`;
}

/** "8am UTC" → "08:00:00Z"; undefined when the words are not a time of day. */
function timeOfDay(match: RegExpExecArray, recognition: Recognition<TapReading>): string | undefined {
  const [, hourText, minuteText, meridiem, zone] = match;
  if (!minuteText && !meridiem && !zone) return undefined;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  if (meridiem && /^p/i.test(meridiem) && hour < 12) hour += 12;
  if (meridiem && /^a/i.test(meridiem) && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) {
    recognition.problems.push(`"${match[0].trim()}" is not a time of day`);
    return undefined;
  }
  if (!zone) recognition.assumptions.push(`"${match[0].trim()}" names no time zone; it is taken as UTC.`);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${offsetOf(zone)}`;
}

const CITY_TIME = /\b(?:local|their|office|london|berlin|paris|madrid|amsterdam|dublin|new york|chicago|denver|los angeles|san francisco|seattle|toronto|sydney|tokyo|singapore|india|india standard|pacific|eastern|central|mountain)\s+time(?:\s*zone)?\b|\btheir time ?zone\b/i;

export const START_RULES: Rule<TapReading>[] = [
  {
    // "2026-12-01T08:00:00Z" in a worked example: the time of day must agree with the rule.
    pattern: /\b\d{4}-\d{2}-\d{2}(?:[T ](\d{2}):(\d{2})(?::\d{2})?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?)?\b/i,
    apply: (match, recognition) => {
      if (!match[1]) return;
      const time = `${match[1]}:${match[2]}:00${offsetOf(match[3])}`;
      // The start date, and the startDateTime Graph is asked for (the field the example's value goes in).
      recognition.examples.push({ input: `${match[0].slice(0, 10)}|startDateTime`, output: `${match[0].slice(0, 10)}T${time}` });
      if (recognition.stated.has('startTimeOnStartDate') && recognition.params.startTimeOnStartDate !== time) {
        recognition.problems.push(`the example "${match[0]}" does not start at ${String(recognition.params.startTimeOnStartDate) || 'the moment of issue'} as the rule says`);
      }
      state(recognition, 'startTimeOnStartDate', time);
    },
  },
  { pattern: CITY_TIME, apply: (match, recognition) => recognition.problems.push(`"${match[0]}" is not a fixed time zone: give the time with UTC or an offset such as +01:00`) },
  {
    pattern: new RegExp(String.raw`\b(?:at|from|starting|after)\s+${TIME.slice(2)}`, 'i'),
    apply: (match, recognition) => {
      const time = timeOfDay(match, recognition);
      if (time) state(recognition, 'startTimeOnStartDate', time);
    },
  },
  {
    pattern: new RegExp(String.raw`${TIME}(?=\s+(?:on|of)\s+(?:the|their|his|her)\s+(?:start|first))`, 'i'),
    apply: (match, recognition) => {
      const time = timeOfDay(match, recognition);
      if (time) state(recognition, 'startTimeOnStartDate', time);
    },
  },
  {
    pattern: /\b(?:on|from|starting(?: on)?|until|for|valid (?:on|from)|active (?:on|from)|begin(?:s|ning)? (?:on)?)\s+(?:the\s+|their\s+|his\s+|her\s+|the new hire'?s\s+|the joiner'?s\s+)?(?:start(?:ing)?[- ]?date|first (?:working )?day(?: of work)?|day[- ](?:one|1)|1st day)\b/i,
    apply: (match, recognition) => {
      // "so they can set up MFA on day one" and "on day one new hires need a pass" say why, not when the pass
      // becomes valid; "from", "valid on" and "issue it on" do.
      const before = match.input.slice(0, match.index);
      if (/\b(?:set ?up|enrol\w*|regist\w*|sign(?:s|ing)? ?in|log(?:s|ging)? ?(?:in|on)|use it|onboard\w*|configur\w*)\b[^,;]*$/i.test(before)) return;
      const saysWhen = !/^on\b/i.test(match[0]) || /\b(?:valid\w*|usable|active|works?|effective|becom\w*|begin\w*|issu\w*|creat\w*|generat\w*|send|sent|deliver\w*)\b/i.test(match.input);
      if (saysWhen) recognition.stated.add('startOnStartDate');
    },
  },
  {
    pattern: /\b(?:valid|usable|active|works?|starts?)\s+(?:immediately|right away|straight away|at once|from (?:the moment|when) it(?:'s| is) (?:issued|created)|as soon as it(?:'s| is) (?:issued|created)|from creation|from issue)\b/i,
    apply: (_match, recognition) => state(recognition, 'startTimeOnStartDate', ''),
  },
];

/** A start date without a time starts the pass at midnight UTC on that day. */
export function finishStart(recognition: Recognition<TapReading>): void {
  if (!recognition.stated.has('startOnStartDate') || recognition.stated.has('startTimeOnStartDate')) return;
  state(recognition, 'startTimeOnStartDate', '00:00:00Z');
  recognition.assumptions.push('The pass becomes valid at 00:00 UTC on the start date (no time of day was given).');
}
