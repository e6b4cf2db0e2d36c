// The phrases of a notification, each writing a field of the reading (notify-reading.ts): the endpoint and
// its channel, the secret, the sender, subject and text, who is skipped and what they get, the fallback
// recipient, the success status, the output and examples of the text.

import { TECHNICAL_TOKENS_RULE, URL_PATTERN } from '../../grammar/shared-rules.ts';
import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { NotifyChannel, NotifyParams } from './notify-reading.ts';

const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const TYPES = '(contractors?|interns?|employees?)';

/** `{ posted: false }`, `{ notified: <the address it went to> }` → an object; undefined when unreadable. */
function objectOf(text: string): Record<string, unknown> | undefined {
  const entries = [...text.matchAll(/(\w+)\s*:\s*(true|false|"[^"]*"|<[^>]*>)/g)];
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([, key = '', value = '']) => [key, literal(value)]));
}

function literal(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  if (value.startsWith('"')) return value.slice(1, -1);
  return /address|recipient/i.test(value) ? '<recipient>' : value;
}

function channelOf(url: string): NotifyChannel | undefined {
  if (/hooks\.slack\.com/i.test(url)) return 'slack';
  if (/api\.sendgrid\.com/i.test(url)) return 'sendgrid';
  if (/graph\.microsoft\.com\/.*\/sendmail/i.test(url)) return 'graph';
  return undefined;
}

const singular = (type: string) => type.toLowerCase().replace(/s$/, '');

export const NOTIFY_RULES: Rule<NotifyParams>[] = [
  TECHNICAL_TOKENS_RULE,
  {
    pattern: URL_PATTERN,
    apply: (match, recognition) => {
      const channel = channelOf(match[0]);
      if (!channel) return;
      state(recognition, 'channel', channel);
      state(recognition, 'url', match[0].replace(/[.,;]+$/, ''));
      state(recognition, 'successStatus', channel === 'slack' ? 200 : 202);
      if (channel === 'slack') state(recognition, 'recipient', 'channel');
    },
  },
  { pattern: /\bsecret\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/, apply: (match, recognition) => state(recognition, 'secret', match[1] ?? '') },
  { pattern: new RegExp(String.raw`\bfrom\s+(${EMAIL})`), apply: (match, recognition) => state(recognition, 'from', match[1] ?? '') },
  { pattern: /\bsubject\s*:?\s*"([^"]{1,200})"/i, apply: (match, recognition) => state(recognition, 'subject', match[1] ?? '') },
  {
    pattern: /\b(?:text|message)\s*:\s*"([^"]{1,300})"|\bwith exactly\s+"([^"]{1,300})"/i,
    apply: (match, recognition) => state(recognition, 'text', match[1] ?? match[2] ?? ''),
  },
  // "content: <a short note with the start date>": the admin leaves the wording open.
  {
    pattern: /\bcontent:\s*<a (?:short )?note with the start date>/i,
    apply: (_match, recognition) => state(recognition, 'text', 'Welcome! <name> starts on <startDate>.'),
  },
  {
    pattern: new RegExp(String.raw`\bno manager(?: on file| email)?\s*(?:→|->|:|,)?\s*send it to (${EMAIL}) instead\b`, 'i'),
    apply: (match, recognition) => state(recognition, 'fallbackRecipient', match[1] ?? ''),
  },
  { pattern: /\bno manager(?: on file| email)?\s*(?:→|->|:)\s*(?:an? )?error\b/i },
  {
    pattern: new RegExp(String.raw`\b(?:don'?t|do not|never)\s+(?:post|send|notify|email)\s+${TYPES}\s*\(return\s+(\{[^}]*\})\)`, 'i'),
    apply: (match, recognition) => skip(recognition, [singular(match[1] ?? '')], match[2] ?? ''),
  },
  {
    pattern: new RegExp(String.raw`\b${TYPES}(?:'s?|’s?)?\s[^.;]*?\bskip them and return\s+(\{[^}]*\})`, 'i'),
    apply: (match, recognition) => skip(recognition, [singular(match[1] ?? '')], match[2] ?? ''),
  },
  { pattern: /\bonly for employees and interns\b/i },
  {
    pattern: /\b(?:answers|says|returns)\s+(\d{3})\b(?:\s+(?:accepted|ok))?/i,
    apply: (match, recognition) => state(recognition, 'successStatus', Number(match[1]), { override: true }),
  },
  // The output; "(return { posted: false })" and "skip them and return …" are what skipped people get.
  { pattern: /(?<!\(|skip them and )\breturn\s+(\{[^}]*\})/i, apply: (match, recognition) => {
    const output = objectOf(match[1] ?? '');
    if (output) state(recognition, 'output', output);
  } },
  { pattern: /\b(?:their|the new hire's|the joiner's)\s+manager\b/i, apply: (_match, recognition) => state(recognition, 'recipient', 'manager') },
  // 'e.g. "Ana Lima joins Design on 2026-03-09"': an example of the text, checked against it in finish.
  { pattern: /\be\.g\.\s+"([^"]{1,300})"/i, apply: (match, recognition) => recognition.examples.push({ input: '', output: match[1] ?? '' }) },
];

function skip(recognition: Recognition<NotifyParams>, types: string[], output: string): void {
  state(recognition, 'skipTypes', types);
  const parsed = objectOf(output);
  if (parsed) state(recognition, 'skipOutput', parsed);
}
