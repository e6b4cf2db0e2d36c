// Notifications read into a notification reading (notify-reading.ts): the channel from its endpoint, the
// secret, the sender, subject and text, who is skipped, the fallback recipient, the success status and the
// output. The reading is a one-step HTTP action rule (notify-action.ts): the function, the reference and
// the fixtures are http-action's.

import { readingFields, type FamilyRecognizer, type Recognition } from '../../recognizer.ts';
import { httpActionFixtures } from '../http-action/http-action-fixtures.ts';
import { httpActionSource } from '../http-action/http-action-source.ts';
import { NOTIFY_DEFAULTS, notifyAction, TEXT_FIELD } from './notify-action.ts';
import { NOTIFY_RULES } from './notify-phrases.ts';
import { PLACEHOLDERS, READING_DEFAULTS, type NotifyParams } from './notify-reading.ts';
import { NOTIFY_VOCABULARY } from './notify-vocabulary.ts';

/**
 * The params start as the rule's defaults (http-action's form) and the phrases write the reading's fields
 * next to them; the rule is made from the reading when it is needed, so the accounting sees only what the
 * text stated.
 */
const readingOf = (recognition: Recognition<NotifyParams>) => readingFields(recognition.params, READING_DEFAULTS);
const actionOf = (recognition: Recognition<NotifyParams>) => notifyAction(readingOf(recognition));

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

export const notifyRecognizer: FamilyRecognizer<NotifyParams> = {
  family: 'notify',
  // The rule before the text says anything; the rules below write the reading's fields next to it.
  defaults: NOTIFY_DEFAULTS,
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
