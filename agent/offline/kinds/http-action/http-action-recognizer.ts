// HTTP actions read into an HTTP action rule (http-action-rule.ts): who the rule is for, each step's
// endpoint, auth, body and success check, and the output. The general kind: the analyser turns to it when
// the family the keywords chose cannot account for every clause (a condition, a second step, another auth).

import { TECHNICAL_TOKENS_RULE } from '../../grammar/shared-rules.ts';
import { state, type FamilyRecognizer } from '../../recognizer.ts';
import { CONDITION_RULES } from './condition-phrases.ts';
import { CREDENTIAL_RULES } from './credential-phrases.ts';
import { finishReading } from './finish-reading.ts';
import { httpActionFixtures } from './http-action-fixtures.ts';
import { HTTP_ACTION_DEFAULTS, type Condition, type HttpActionRule } from './http-action-rule.ts';
import { httpActionSource } from './http-action-source.ts';
import { HTTP_ACTION_VOCABULARY } from './http-action-vocabulary.ts';
import { STATUS_RULES } from './status-phrases.ts';
import { STEP_RULES } from './step-phrases.ts';
import { TABLE_RULES } from './table-phrases.ts';
import { VALUE_RULES } from './value-phrases.ts';
import { WAIT_RULES } from './wait-phrases.ts';

const describe = (condition: Condition) =>
  `${condition.field === 'startWeekday' ? 'the start date is a' : `${condition.field} is`} ${condition.negate ? 'not ' : ''}${condition.values.join(' or ')}`;

export const httpActionRecognizer: FamilyRecognizer<HttpActionRule> = {
  family: 'http-action',
  fallback: true,
  defaults: HTTP_ACTION_DEFAULTS,
  // Never chosen by keywords: read when the family they chose leaves something unaccounted for.
  keywords: [],
  vocabulary: HTTP_ACTION_VOCABULARY,
  // "a 403 is an error" without a text of its own: what the function does for every status but the success.
  facts: [
    /\b[45]\d\d\s+(?:is|means)\s+(?:an?\s+)?(?:error|failure)\b(?!\s*[:,-]?\s*["“])/i,
    /\b[45]\d\d\b,?\s+(?:that\s+is|that's|it\s+is)\s+an?\s+error\b(?!\s*[:,-]?\s*["“])/i,
  ],
  rules: [
    // Whole step descriptions first: the URL, the body and the answer, before single words are taken away.
    ...STEP_RULES,
    ...CREDENTIAL_RULES,
    ...STATUS_RULES,
    ...WAIT_RULES,
    ...VALUE_RULES,
    ...TABLE_RULES,
    ...CONDITION_RULES,
    TECHNICAL_TOKENS_RULE,
    { pattern: /\bmanual(?:ly)?\b(?:\s+trigger)?|\brun by hand\b|\bon[- ]demand\b/i, apply: (_match, recognition) => state(recognition, 'trigger', 'manual') },
  ],
  finish: finishReading,
  recognised: (recognition) => recognition.stated.has('steps'),
  fixtures: (recognition) => httpActionFixtures(recognition.params, recognition.examples),
  generate: (recognition) => httpActionSource(recognition.params),
  spec(recognition) {
    const p = recognition.params;
    return {
      summary: `Runs ${p.steps.length} HTTP step${p.steps.length === 1 ? '' : 's'} (${p.steps.map((step) => `${step.method} ${step.url}`).join(', then ')})${
        p.when.length ? ` for people where ${p.when.map(describe).join(' and ')}` : ''
      }.`,
      trigger: p.trigger,
      inputs: ['person', 'account'],
      output: JSON.stringify(p.output),
      rules: [
        ...p.tables.map((table) => {
          const rows = table.rows.map((row) => `${row.when.map(describe).join(' and ')} → ${JSON.stringify(row.value)}`);
          return `<tables.${table.name}>: ${[...rows, `anyone else → ${JSON.stringify(table.otherwise)}`].join('; ')}.`;
        }),
        ...(p.when.length ? [`Unless ${p.when.map(describe).join(' and ')}: return ${JSON.stringify(p.skipOutput)} and call nothing.`] : []),
        ...p.steps.map((step, index) => {
          const secret = step.sensitive.length ? `; ${step.sensitive.join(', ')} is never logged or returned` : '';
          const call = `Step ${index + 1}: ${step.method} ${step.url} (${step.auth.scheme}) with ${JSON.stringify(step.body)}`;
          return `${call}; anything but ${step.successStatus} is an error naming the status and later steps are not called${secret}.`;
        }),
      ],
      edgeCases: ['a condition that does not hold', 'a step that fails', 'a missing UPN or manager', 'a preferred name'],
      assumptions: [],
    };
  },
};
