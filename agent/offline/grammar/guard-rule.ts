// A rule that names its sentence back as a problem: the sentence sounds like the family but asks for what
// its function cannot do (the email, groups and apps families use it). A few such words would otherwise
// pass as understood.

import { isFiller } from '../clauses.ts';
import type { Rule } from '../recognizer.ts';

const LEARNERS = '(?:interns?|students?|trainees?|apprentices?)';
const EVERYONE = new RegExp(
  [
    String.raw`\b(?:same|too|also|as well|like everyone|like employees|all|every|any|regardless|including)\b`,
    String.raw`\b(?:employees|staff|everyone)\s+(?:and|&|\+)\s+${LEARNERS}\b`,
    String.raw`\b${LEARNERS}\s+(?:and|&|\+)\s+employees\b`,
  ].join('|'),
  'i',
);

/** A rule that names its sentence as a problem: it sounds like this family but asks for what it cannot do. */
export function guard(pattern: RegExp, why: string, { unlessEveryone = false } = {}): Rule {
  return {
    pattern,
    apply: (match, recognition) => {
      if (isFiller(match.input) || (unlessEveryone && EVERYONE.test(match.input))) return;
      const quoted = `"${match.input}"`;
      if (!recognition.problems.some((problem) => problem.startsWith(quoted))) recognition.problems.push(`${quoted} cannot be honoured: ${why}`);
    },
  };
}
