// Notifications read into a notification reading (notify-reading.ts): the channel from its endpoint, the
// secret, the sender, subject and text, who is skipped, the fallback recipient, the success status and the
// output. The reading is a one-step HTTP action rule (notify-action.ts): the function, the reference and
// the fixtures are http-action's.

import { TECHNICAL_TOKENS_RULE, URL_PATTERN } from '../../grammar/shared-rules.ts';
import { state, type FamilyRecognizer, type Recognition, type Rule } from '../../recognizer.ts';
import { httpActionFixtures } from '../http-action/http-action-fixtures.ts';
import { httpActionSource } from '../http-action/http-action-source.ts';
import { NOTIFY_DEFAULTS, notifyAction, TEXT_FIELD } from './notify-action.ts';
import { PLACEHOLDERS, READING_DEFAULTS, type NotifyChannel, type NotifyReading } from './notify-reading.ts';
import { NOTIFY_VOCABULARY } from './notify-vocabulary.ts';

/**
 * The params start as the rule's defaults (http-action's form) and the phrases write the reading's fields
 * next to them; the rule is made from the reading when it is needed, so the accounting sees only what the
 * text stated.
 */
const readingOf = (recognition: Recognition) => {
  const { params } = recognition;
  return Object.fromEntries(Object.entries(READING_DEFAULTS).map(([key, value]) => [key, key in params ? params[key] : value])) as NotifyReading;
};
const actionOf = (recognition: Recognition) => notifyAction(readingOf(recognition));
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

const NOTIFY_RULES: Rule[] = [
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

const EXAMPLE_FIELDS = ['firstName', 'lastName', 'department', 'startDate'];

/** The person an example text is about, read through the text's placeholders; undefined when it does not fit. */
function exampleInput(text: string, example: string): string | undefined {
  const names: string[] = [];
  const pattern = text.split(/(<[^>]+>)/).map((piece) => {
    const name = /^<([^>]+)>$/.exec(piece)?.[1];
    if (name === undefined) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(name);
    return '(.+?)';
  });
  const match = new RegExp(`^${pattern.join('')}$`).exec(example);
  if (!match || names.some((name) => !EXAMPLE_FIELDS.includes(name))) return undefined;
  const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
  return JSON.stringify(Object.fromEntries(EXAMPLE_FIELDS.filter((field) => values[field]).map((field) => [field, values[field]])));
}

function skip(recognition: Recognition, types: string[], output: string): void {
  state(recognition, 'skipTypes', types);
  const parsed = objectOf(output);
  if (parsed) state(recognition, 'skipOutput', parsed);
}

export const notifyRecognizer: FamilyRecognizer = {
  family: 'notify',
  // The rule before the text says anything; the rules below write the reading's fields next to it.
  defaults: NOTIFY_DEFAULTS as unknown as Record<string, unknown>,
  // A channel named only to say it is not used ("email, not Slack", "no Slack for this one").
  // "Only for employees and interns" says who is not skipped.
  facts: [/\b(?:not|no)\s+slack\b/i, /\bblocks sendgrid\b/i, /^20[02]$/, /\bonly for employees and interns\b/i],
  keywords: [
    /\bnotif\w*|\bnotice\b/i,
    /\bsendgrid\b/i,
    /\bsendMail\b/i,
    /\bslack\b/i,
    /\bincoming webhook\b/i,
    /(?<![\w&])#[a-z][\w-]+/,
    /\bpersonalizations\b|\btoRecipients\b|\bsaveToSentItems\b/,
    /\bpost new joiners\b/i,
    /\be-?mail(?:ed)? (?:to )?(?:the new hire's|their) manager\b/i,
  ],
  vocabulary: NOTIFY_VOCABULARY,
  rules: NOTIFY_RULES,
  finish(recognition) {
    const p = readingOf(recognition);
    for (const example of recognition.examples) {
      const input = exampleInput(p.text, example.output);
      if (input === undefined) recognition.problems.push(`the example "${example.output}" does not follow the text "${p.text}"`);
      else example.input = `${input}|${TEXT_FIELD[p.channel]}`;
    }
    for (const template of [p.text, p.subject]) {
      for (const [, name] of template.matchAll(/<([^>]+)>/g)) {
        const known = PLACEHOLDERS.map((placeholder) => `<${placeholder}>`).join(', ');
        if (name && !PLACEHOLDERS.includes(name)) recognition.problems.push(`the placeholder <${name}> is not a field the function fills (it knows ${known})`);
      }
    }
    if (p.channel === 'sendgrid' && !p.from) recognition.problems.push('SendGrid needs a sender address ("from it@acme.com")');
    if (!recognition.stated.has('secret')) recognition.problems.push('no secret was named for the channel');
    // No made-up wording: the text (and an email's subject) must come from the requirement.
    if (!recognition.stated.has('text')) recognition.problems.push('the message text was not given (write it in quotes, with <placeholders>)');
    if (p.channel !== 'slack' && !recognition.stated.has('subject')) recognition.problems.push('the email subject was not given (subject "…")');
  },
  fixtures: (recognition) => httpActionFixtures(actionOf(recognition), recognition.examples),
  generate: (recognition) => httpActionSource(actionOf(recognition)),
  spec(recognition) {
    const p = readingOf(recognition);
    return {
      summary: `Sends one ${p.channel} message${p.recipient === 'manager' ? ' to the manager' : ' to the channel'} when someone joins.`,
      inputs: ['firstName', 'lastName', 'preferredName', 'department', 'startDate', 'managerEmail', 'employmentType'].map((field) => `person.${field}`),
      output: JSON.stringify(p.output),
      rules: [
        ...(p.skipTypes.length ? [`${p.skipTypes.join(', ')}: no message, return ${JSON.stringify(p.skipOutput)}.`] : []),
        ...(p.recipient === 'manager' ? [p.fallbackRecipient ? `No manager: send it to ${p.fallbackRecipient}.` : 'No manager: an error, nothing sent.'] : []),
        `POST ${p.url}${p.channel === 'slack' ? `<${p.secret}>` : ` with a bearer token from ${p.secret}`}.`,
        `The text is "${p.text}"${p.channel === 'slack' ? '' : `, the subject "${p.subject}"`}.`,
        `Anything but ${p.successStatus} is an error with the status.`,
      ],
      edgeCases: ['no manager', 'a preferred name', 'a failed delivery'],
      assumptions: [],
    };
  },
};
