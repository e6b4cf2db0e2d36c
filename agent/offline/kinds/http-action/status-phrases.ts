// A status with its own answer, as admins write it: "if the API answers 404, skip with a warning and
// return { notFound: true }", "404 → stop with a warning, return { … }", 'a 404 is an error: "no profile
// for <employeeId>"', "if it answers 409, that is an error". A status read without what to do, or with
// what the IR cannot do (a retry), is refused rather than guessed. Also the success status said in words.

import type { Recognition, Rule } from '../../recognizer.ts';
import type { HttpActionRule, StatusAnswer } from './http-action-rule.ts';
import { templated, templatedBody } from './placeholders.ts';
import { readObject } from './read-object.ts';
import { statedSteps, stepNamed } from './reading-state.ts';
import { OBJECT, setStep } from './step-phrases.ts';

const ANSWERS = String.raw`(?:answers?|returns?|responds?|replies|gives?|comes back)(?:\s+with)?`;
/** A clause about one status: "if … answers 404", "404 →", "a 404 is …", "on a 404". */
export const STATUS_CLAUSE = new RegExp(
  String.raw`\b(?:if|when|should)\b[^.;,]{0,40}?\b${ANSWERS}\s+(?:an?\s+)?(?:HTTP\s+)?([1-5]\d\d)\b` +
    String.raw`|(?:^|[\s(-])([1-5]\d\d)\s*(?:→|->|=>)|\ban?\s+([1-5]\d\d)\s+(?:is|means)\b|\bon\s+(?:an?\s+)?(?:HTTP\s+)?([1-5]\d\d)\b(?!-)`,
  'i',
);
const WARNING = /\b(?:skip|stop|warn(?:ing)?|log\s+a\s+warning|carry on|treat it as done)\b/i;
const ERROR = /\b(?:error|fail(?:s|ure)?|throw)\b/i;
const RETRY = /\bretr(?:y|ies|ied)\b|\btry\s+again\b/i;

function hostOf(url: string): string {
  return /^https?:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url;
}

function readStatus(match: RegExpExecArray, recognition: Recognition<HttpActionRule>): void {
  const clause = match.input;
  const status = Number(match[1] ?? match[2] ?? match[3] ?? match[4]);
  // A success ("if it answers 201") or its negation ("not 201 →", "doesn't answer 201") is the step's own check.
  const upTo = clause.slice(0, match.index + match[0].indexOf(String(status)));
  if (status < 300 || /\b(?:not|n't|but|than|except|non)[\s-]+(?:a\s+|an\s+|answer(?:ing)?\s+)?(?:HTTP\s+)?$/i.test(upTo)) return;
  const index = stepNamed(recognition, clause.slice(0, match.index));
  const steps = statedSteps(recognition);
  const step = steps[index];
  const said = `"${clause}"`;
  if (!step) return void recognition.problems.push(`${said}: the status ${status} comes before any endpoint`);
  if (RETRY.test(clause)) return void recognition.problems.push(`${said}: a function calls each step once; retrying is not something it can do`);
  const rest = clause.slice(match.index + match[0].length);
  const quoted = /["“]([^"”]{3,200})["”]/.exec(rest)?.[1];
  let answer: StatusAnswer;
  if (ERROR.test(rest) && !WARNING.test(rest)) {
    // Without its own text it is what every other status does already: an error naming the status (a fact).
    if (!quoted) return;
    answer = { status, error: templated(quoted, recognition, steps, `the error for a ${status}`) };
  } else if (WARNING.test(rest) && !ERROR.test(rest)) {
    const output = new RegExp(String.raw`\breturn(?:s|ing)?\s+(${OBJECT})`, 'i').exec(rest)?.[1];
    const read = output ? readObject(output, 0)?.value : undefined;
    if (!read || typeof read !== 'object' || Array.isArray(read)) {
      const example = '"skip with a warning and return { notFound: true }"';
      return void recognition.problems.push(`${said}: what the function returns after a ${status} was not said (${example})`);
    }
    const usual = `${step.method} ${hostOf(step.url)} answered ${status}; nothing more was called`;
    const warning = quoted ? templated(quoted, recognition, steps, `the warning for a ${status}`) : usual;
    answer = { status, warning, output: templatedBody(read, recognition, steps, `the output for a ${status}`) as Record<string, unknown> };
  } else {
    return void recognition.problems.push(`${said}: say what a ${status} means: an error, or skip with a warning and return { … }`);
  }
  if (status === step.successStatus) return void recognition.problems.push(`${said}: ${status} is the status that means success`);
  const others = (step.onStatus ?? []).filter((known) => known.status !== status);
  setStep(recognition, index, { onStatus: [...others, answer] });
}

export const STATUS_RULES: Rule<HttpActionRule>[] = [
  { pattern: STATUS_CLAUSE, apply: readStatus },
  {
    // "204 means success", "a 201 is success", "success is 202", "expects a 200".
    pattern: new RegExp(
      [
        String.raw`\b(?:an?\s+|HTTP\s+)?([1-5]\d\d)\s+(?:means|is|=)\s+(?:a\s+)?success(?:ful)?\b`,
        String.raw`\bsuccess\s+(?:is|means|=)\s+(?:an?\s+)?(?:HTTP\s+)?([1-5]\d\d)\b(?!-)`,
        String.raw`\bexpects?\s+(?:an?\s+)?(?:HTTP\s+)?([1-5]\d\d)\b(?!-)`,
      ].join('|'),
      'i',
    ),
    apply: (match, recognition) => {
      const index = stepNamed(recognition, match.input.slice(0, match.index));
      if (index >= 0) setStep(recognition, index, { successStatus: Number(match[1] ?? match[2] ?? match[3]) });
    },
  },
  // A retry with no status ("retry twice"): refused, the IR calls each step once.
  {
    pattern: RETRY,
    apply: (match, recognition) => {
      if (!STATUS_CLAUSE.test(match.input)) recognition.problems.push(`"${match.input}": a function calls each step once; retrying is not something it can do`);
    },
  },
];
