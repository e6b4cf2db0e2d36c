// HRIS write-back: once the account exists, write its work email (or username, or UPN) to the employee's
// BambooHR record, on join or on request. Other HR systems and conditional writes are named, not ignored.
// The phrases read the template's parameters; the rule is http-action's (hris-writeback-action.ts), made
// from them when the function and fixtures are written, so the accounting sees only what the text stated.

import { readingFields, state, type FamilyRecognizer, type Recognition, type Rule } from '../../recognizer.ts';
import { httpActionFixtures } from '../../kinds/http-action/http-action-fixtures.ts';
import { httpActionSource } from '../../kinds/http-action/http-action-source.ts';
import {
  HRIS_WRITEBACK_DEFAULTS,
  HRIS_WRITEBACK_READING_DEFAULTS,
  hrisWritebackAction,
  type HrisWritebackParams,
  type HrisWritebackReading,
} from './hris-writeback-action.ts';
import { COMPANY_RULES, EXAMPLE_RULES, FIELD_RULES, finishTrigger, finishValue, TRIGGER_RULES, VALUE_RULES } from './hris-writeback-phrases.ts';
import { API_DESCRIPTION_VOCABULARY, returnShapeRule, secretNamesRule, TECHNICAL_TOKENS_RULE, URL_PATTERN } from '../../grammar/shared-rules.ts';

/** The params start as the rule's defaults; the phrases write the template's parameters next to them. */
const params = (recognition: Recognition<HrisWritebackReading>) => readingFields(recognition.params, HRIS_WRITEBACK_READING_DEFAULTS);
const ACCOUNT_FIELD = { email: 'email', username: 'username', userPrincipalName: 'userPrincipalName' } as const;

/** "john.smith@acme.com for John Smith": the account holds that address, and it is written as it is. */
function examplesOf(recognition: Recognition<HrisWritebackReading>) {
  const p = params(recognition);
  return recognition.examples.map((example) => {
    const [firstName = '', ...rest] = example.input.trim().split(/\s+/);
    const account = example.output.includes('@') ? { [ACCOUNT_FIELD[p.valueFrom]]: example.output } : {};
    return { input: `${JSON.stringify({ firstName, lastName: rest.join(' '), account })}|${p.emailField}`, output: example.output };
  });
}
const negated = (match: RegExpExecArray) => /\b(?:never|not|don'?t|do not|no|without|nor|instead of)\b/i.test(match.input.slice(0, match.index));
const refuse = (what: string): Rule<HrisWritebackReading>['apply'] => (match, recognition) => {
  if (!negated(match)) recognition.problems.push(`${what} ("${match.input}"): the offline hris-writeback template writes one account value to one BambooHR field, always`);
};

const SPECIFIC = String.raw`bamboo-?\s?hr|\bhris\b|\bhr (?:system|record|platform|profile|tool)|write[- ]?back|\bworkEmail\b|\bwork e-?mail\b|\bfield\b|\bsub-?domain\b|company domain|\bupn\b|\busername\b`;
const GENERIC = String.raw`writ\w*|wrote|send\w*|put\w*|push\w*|sync\w*|stor\w*|sav\w*|set|fill\w*|populat\w*|record\w*|updat\w*|copy\w*|back|once|after|creat\w*|exist\w*|ready|final|provision\w*|accounts?|values?|e-?mails?|e-?mailing|address(?:es)?|employees?|ids?|numbers?|profiles?|runs?|trigger\w*|join\w*|hire[sd]?|hr|stops?|personal|gmail|private|home|fail\w*|errors?|api|keys?|auth\w*|basic|record|system|new|work`;

const GENERIC_WORDS_RULE: Rule = { pattern: new RegExp(String.raw`(?:(?<=(?:${SPECIFIC}).*)|(?=.*(?:${SPECIFIC})))\b(?:${GENERIC})\b`, 'gi') };

const TECHNICAL_RULES: Rule<HrisWritebackReading>[] = [
  {
    pattern: URL_PATTERN,
    apply: (match, recognition) => {
      const url = match[0].replace(/[.:]+$/, '');
      const endpoint = /^https:\/\/api\.bamboohr\.com\/api\/gateway\.php\/([^/]+)\/v1\/employees\/[^/]+\/?$/i.exec(url) ?? /^https?:\/\/[a-z0-9-]+\.bamboohr\.com\/?$/i.exec(url);
      if (!endpoint) recognition.problems.push(`the function calls only BambooHR's Update Employee (https://api.bamboohr.com/api/gateway.php/{company}/v1/employees/{id}), not ${url}`);
    },
  },
  {
    // {"workEmail": "<address>"}, {"workEmail": <event.account.email>}: one field, one account value.
    pattern: /(?<=\b(?:json|body|payload|with)\s*:?\s*)\{\s*["'“]?([A-Za-z_]\w*)["'”]?\s*:\s*([^,}]*?)\s*(,[^}]*)?\}/i,
    apply: (match, recognition) => {
      if (match[3]) recognition.problems.push(`the body ${match[0]} writes more than one field; the template writes one value to one field`);
      state(recognition, 'emailField', match[1]);
      // One of the pattern's alternatives: an account value the template writes.
      const source = /account\.(email|username|userPrincipalName)\b/.exec(match[2]!)?.[1] as HrisWritebackParams['valueFrom'] | undefined;
      if (source && source !== 'email') state(recognition, 'valueFrom', source);
    },
  },
  secretNamesRule(['BAMBOOHR_API_KEY']),
  returnShapeRule({ updated: true, employeeId: null, workEmail: null, field: null, value: null }),
];

const UNSUPPORTED_RULES: Rule<HrisWritebackReading>[] = [
  { pattern: /\b(?:workday|success ?factors|hi ?bob|personio|rippling|adp|namely|gusto|ukg|oracle(?: hcm)?|dayforce|deel|paylocity|paycom|sage)\b/i, apply: refuse('writing to an HR system other than BambooHR') },
  { pattern: /\b(?:only if|unless|if)\b[^.]*\b(?:empty|blank|missing|not (?:yet )?set|already (?:set|filled|there|has|have))\b|\b(?:don'?t|do not|never|without) overwrit\w*\b|\bkeep (?:the )?existing\b/i, apply: (match, recognition) => recognition.problems.push(`a conditional write ("${match.input}") is not supported: the template always writes the value`) },
  { pattern: /\b(?:phone|mobile|department|job title|cost cent(?:er|re)|location|photo|salary|pay ?rate|home address|manager|supervisor|start date|division)\b/i, apply: refuse('writing a value other than the work email, username or UPN') },
  { pattern: /\b(?:notify|notif\w+|alert\w*|slack|teams|ping|retr(?:y|ies)|schedul\w*|nightly|daily|every (?:day|night|hour|week))\b/i, apply: refuse('notifications, retries or schedules') },
  { pattern: /\b(?:both|as well as|and also|plus)\b[^.]*\b(?:fields?|values?)\b/i, apply: refuse('writing more than one value') },
];

export const hrisWritebackRecognizer: FamilyRecognizer<HrisWritebackReading> = {
  family: 'hris-writeback',
  // BambooHR's Basic auth: the API key as the user, "x" as the password.
  facts: [/["'“‘]x["'”’]\s+as\s+(?:the\s+)?password/i],
  keywords: [/\bbamboo-?\s?hr\b/i, /\bbamboo\w*/i, /\bhris\b/i, /\bwrite[- ]?back\b/i, /\bwrite\b[^.]*\bback\b/i, /\bhr (?:system|record|platform|tool)s?\b/i, /\bworkday\b/i, /\bsuccess ?factors\b/i, /\bworkEmail\b/,
    // An action toward the HR system: "update ... in BambooHR", "write ... to the HRIS".
    /\b(?:updat|writ|push|sync|copy|send|set|stor|sav|put|fill|populat|record)\w*\b[^.]*\b(?:bamboo|hris|hr system|hr record)/i, /\bemployee record\b|\bsystem of record\b/i,
    /\bapi\.bamboohr\.com\b|\bgateway\.php\b/i, /\bBAMBOOHR_API_KEY\b/],
  vocabulary: [
    ...API_DESCRIPTION_VOCABULARY,
    /\b(?:as|is)\s+(?:the\s+)?(?:user ?name|user|password)\b|\bX-BambooHR-Error-Message\b|\bexplains?\b|\b(?:that|the)\s+text\b|\bfall(?:s|ing)?\s+back\b|\bone call\b|\bstraight\b|\bwithout calling\b|\b(?:company|domain|instance|account)\b/gi,
    new RegExp(SPECIFIC, 'gi'),
    /\b(?:e\.g\.|for example|for instance|such as)|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi,
    /\bemployee (?:record|profile|id|number)s?\b|\bsystem of record\b|\bemployeeId\b|\bhr(?: team| department| folks| people)?\b|\bpersonal (?:gmail|e-?mail|address)(?: address)?\b|\bgmail\b/gi,
  ],
  rules: [
    // Whole technical tokens and the checks on them first: later rules take single words away.
    TECHNICAL_TOKENS_RULE,
    ...TECHNICAL_RULES,
    GENERIC_WORDS_RULE,
    ...UNSUPPORTED_RULES,
    ...COMPANY_RULES,
    ...FIELD_RULES,
    ...VALUE_RULES,
    ...TRIGGER_RULES,
    ...EXAMPLE_RULES,
  ],
  finish(recognition) {
    const p = params(recognition);
    finishValue(recognition);
    finishTrigger(recognition);
    // A guessed company would write to somebody else's BambooHR: ask rather than assume.
    if (!recognition.stated.has('companyDomain')) recognition.problems.push('the requirement does not name the BambooHR company (the part before .bamboohr.com, e.g. "our BambooHR is acme.bamboohr.com")');
    if (!recognition.stated.has('trigger')) recognition.assumptions.push('No trigger was named: it writes back when the joiner event arrives with the account (user.joined).');
    if (p.emailField === 'workEmail' && !recognition.stated.has('emailField')) recognition.assumptions.push('The value goes to the standard BambooHR field workEmail.');
    recognition.assumptions.push('person.employeeId must be the BambooHR employee id (the number in the BambooHR URL).');
    if (p.valueFrom === 'username' && recognition.examples.length > 0) recognition.problems.push('the examples show email addresses, but the value written is the username');
  },
  defaults: HRIS_WRITEBACK_DEFAULTS,
  fixtures: (recognition) => httpActionFixtures(hrisWritebackAction(params(recognition)), examplesOf(recognition)),
  generate: (recognition) => httpActionSource(hrisWritebackAction(params(recognition))),
  spec(recognition) {
    const p = params(recognition);
    return {
      summary: `Writes event.account.${p.valueFrom}${p.lowerCase ? ' (lower-cased)' : ''} to the BambooHR field ${p.emailField} of the employee in ${p.companyDomain}.bamboohr.com, ${p.trigger === 'manual' ? 'when run by hand' : 'when the joiner event arrives'}.`,
      trigger: p.trigger,
      inputs: [`account.${p.valueFrom}`, 'person.employeeId'],
      output: `{ updated: true, employeeId, field, value${p.valueFrom === 'email' ? ', workEmail' : ''} }`,
      rules: [
        `Refuse, before calling BambooHR, when event.account.${p.valueFrom} is missing or malformed; no other value is used instead.`,
        `POST https://api.bamboohr.com/api/gateway.php/${p.companyDomain}/v1/employees/{employeeId} with { "${p.emailField}": value } and HTTP Basic auth (API key as user, "x" as password).`,
        'Any non-2xx answer is an error naming the status and BambooHR\'s reason; the API key never appears in a message or log.',
      ],
      edgeCases: ['no account', `no ${p.valueFrom}`, 'a malformed value', 'padding around the value', 'the personal email is never used', 'BambooHR 400 / 401 / 403 / 404 / 500'],
      assumptions: [],
    };
  },
};
