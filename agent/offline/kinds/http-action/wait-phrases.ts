// When a rule runs and how long it waits, as admins say it: "when someone leaves", "for leavers", "when
// someone joins"; "wait until 7 days after their last day before calling", "until then return { … }".
// A wait that gives no number of days, or one before the last day, is refused: the IR waits a number of
// days on or after the last day, nothing else.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { HttpActionRule } from './http-action-rule.ts';
import { readObject, type Loose } from './read-object.ts';
import { pendingOf } from './reading-state.ts';
import { OBJECT } from './step-phrases.ts';

const NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30 };
const COUNT = `(\\d{1,3}|${Object.keys(NUMBERS).join('|')})`;
const LAST_DAY = String.raw`(?:their|the|his|her)\s+last\s+(?:working\s+)?day`;
/** "wait until 7 days after their last day", "wait 30 days after the last day", "wait until their last day". */
const PRECISE = new RegExp(
  String.raw`\b(?:wait|hold off|defer(?:\s+it)?)\s+(?:(?:until|till|for)\s+)?` +
    String.raw`(?:(?:${COUNT}\s+days?|a\s+week|(the\s+day))\s+(after|past|before)\s+)?${LAST_DAY}` +
    String.raw`(?:\s+(?:has\s+)?passed)?(?:\s+bef?ore?\s+(?:calling|doing|running)(?:\s+anything)?)?`,
  'i',
);
/** What the function returns before the day: in the clause of the wait or a sentence of its own. */
export const UNTIL_THEN = new RegExp(
  String.raw`\b(?:until|till|before)\s+then,?\s+(?:just\s+)?return(?:s|ing)?\s+(${OBJECT})|\breturn(?:s|ing)?\s+(${OBJECT}),?\s+(?:until|till)\s+then\b`,
  'i',
);

function objectOf(text: string): Record<string, Loose> | undefined {
  const read = readObject(text, 0);
  return read?.value && typeof read.value === 'object' && !Array.isArray(read.value) ? read.value : undefined;
}

function readWait(match: RegExpExecArray, recognition: Recognition<HttpActionRule>): void {
  const precise = PRECISE.exec(match.input);
  if (!precise) {
    recognition.problems.push(`"${match.input}": a wait must say how many days after the last day ("wait until 7 days after their last day")`);
    return;
  }
  const [, count, dayAfter, direction] = precise;
  if (direction?.toLowerCase() === 'before') {
    recognition.problems.push(`"${precise[0]}": a function can wait for a day on or after the last day, not act before it (the leaver event is when it runs)`);
    return;
  }
  const days = dayAfter ? 1 : /a\s+week/i.test(precise[0]) ? 7 : count === undefined ? 0 : (NUMBERS[count.toLowerCase()] ?? Number(count));
  const pending = pendingOf(recognition);
  if (pending.wait && pending.wait.days !== days) {
    recognition.problems.push(`the wait is given twice: ${pending.wait.days} and ${days} days after the last day`);
  }
  pending.wait = { days };
  // The last day is on a leaver's event: the rule runs when someone leaves.
  state(recognition, 'trigger', 'user.left');
}

export const WAIT_RULES: Rule<HttpActionRule>[] = [
  {
    pattern: new RegExp(
      String.raw`\b(?:when|once|after|if)\s+(?:someone|somebody|anyone|a\s+(?:person|user)|an\s+employee)\s+(?:leaves|has\s+left|is\s+offboarded)\b` +
        String.raw`|\bfor\s+(?:every\s+|each\s+|all\s+)?leavers\b|\bon\s+user\.left\b`,
      'i',
    ),
    apply: (_match, recognition) => state(recognition, 'trigger', 'user.left'),
  },
  {
    pattern: /\b(?:when|once|as soon as)\s+(?:someone|somebody|anyone|a\s+(?:person|user|new hire)|an\s+employee)\s+(?:joins|starts)\b|\bon\s+user\.joined\b/i,
    apply: (_match, recognition) => state(recognition, 'trigger', 'user.joined'),
  },
  // Any wait at all: read precisely, or refused naming what it lacks ("wait a while after they leave").
  { pattern: /\b(?:wait(?:s|ing)?|hold off|defer(?:red)?|delay(?:ed)?)\b(?!["']?\s*:)[^.;]*/i, apply: readWait },
  {
    pattern: UNTIL_THEN,
    apply: (match, recognition) => {
      const output = objectOf(match[1] ?? match[2] ?? '');
      if (output) pendingOf(recognition).waitOutput = output;
      else recognition.problems.push(`what the function returns until then, "${match[1] ?? match[2]}", could not be read`);
    },
  },
];
