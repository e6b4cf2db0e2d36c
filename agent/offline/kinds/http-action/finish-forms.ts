// After every clause, the forms the step phrases leave open: the wait and what it returns, the fields never
// to log (an answer's field becomes sensitive; a credential is never logged anyway), and the dates a
// text may name only where they exist (<lastDay> on a leaver's event, <waitUntil> in the wait's output).

import type { Recognition } from '../../recognizer.ts';
import type { HttpActionRule, HttpStep } from './http-action-rule.ts';
import { pathsOf, templatedBody } from './placeholders.ts';
import { pendingOf, statedSteps, write } from './reading-state.ts';

/** Words for a credential the function holds as a secret (never logged, whatever the text says), by the auth that holds it. */
const CREDENTIALS: Array<[RegExp, (step: HttpStep) => boolean]> = [
  [/^(?:(?:api|access|bearer|auth)\s+)?token$/, (step) => step.auth.scheme !== 'none' && step.auth.scheme !== 'basic-key'],
  [/^(?:api\s+)?key$/, (step) => step.auth.scheme === 'basic-key' || step.auth.scheme === 'bearer'],
  [/^password$/, (step) => step.auth.scheme === 'basic'],
  [/^(?:secrets?|credentials?|webhook(?:\s+(?:url|path))?)$/, (step) => step.auth.scheme !== 'none' || step.url.includes('<secrets.')],
];
const holdsCredential = (name: string, steps: HttpStep[]) =>
  CREDENTIALS.some(([words, holds]) => words.test(name) && steps.some(holds));

function settleWait(recognition: Recognition<HttpActionRule>): void {
  const pending = pendingOf(recognition);
  if (!pending.wait) {
    const example = '"wait until 7 days after their last day"';
    if (pending.waitOutput) recognition.problems.push(`"until then, return { … }" was read, but no wait says until when (${example})`);
    return;
  }
  if (recognition.params.trigger !== 'user.left') {
    recognition.problems.push('a wait after the last day needs a leaver rule ("when someone leaves"), not a joiner or manual one');
  }
  // Written even without its output, so that the refusal names what is missing rather than the days.
  if (!pending.waitOutput) {
    recognition.problems.push('what the function returns before the day it waits for was not said ("until then return { waiting: true, until: <waitUntil> }")');
  }
  const output = templatedBody(pending.waitOutput ?? {}, recognition, statedSteps(recognition), 'the output until then') as Record<string, unknown>;
  write(recognition, 'wait', { date: 'lastDay', days: pending.wait.days, output });
}

function settleNeverLog(recognition: Recognition<HttpActionRule>, steps: HttpStep[]): HttpStep[] {
  const { neverLog, shapes } = pendingOf(recognition);
  for (const { name, phrase } of neverLog) {
    const words = name.replace(/\s+/g, '').toLowerCase();
    const index = [...shapes.keys()].find((at) => pathsOf(shapes.get(at)).some((path) => path.toLowerCase().split('.').at(-1) === words));
    const step = index === undefined ? undefined : steps[index];
    if (index !== undefined && step) {
      const path = pathsOf(shapes.get(index)).find((candidate) => candidate.toLowerCase().split('.').at(-1) === words) ?? words;
      steps[index] = { ...step, requires: [...new Set([...step.requires, path])], sensitive: [...new Set([...step.sensitive, path])] };
    } else if (steps.some((candidate) => candidate.sensitive.length > 0) && /^(?:pass|tap|code|temporary access pass)$/.test(name)) {
      // the pass an earlier step answered with is sensitive already
    } else if (!holdsCredential(name, steps)) {
      recognition.problems.push(`"${phrase}": ${name} is no field of an answer the text describes and no credential the function holds`);
    }
  }
  return steps;
}

/** Runs before the output is resolved, so that an output holding a field never to log is refused. */
export function finishForms(recognition: Recognition<HttpActionRule>, steps: HttpStep[]): HttpStep[] {
  settleWait(recognition);
  const settled = settleNeverLog(recognition, steps);
  const texts = JSON.stringify([settled.map((step) => [step.url, step.body, step.onStatus]), pendingOf(recognition).output]);
  if (texts.includes('<waitUntil')) recognition.problems.push('<waitUntil> is the day a wait ends: only what the function returns until then may name it');
  if (/<lastDay[|:>]/.test(texts) && recognition.params.trigger !== 'user.left') {
    recognition.problems.push('<lastDay> is on a leaver\'s event: say "when someone leaves"');
  }
  return settled;
}
