// How admins name the BambooHR company ("acme.bamboohr.com", "company domain acme"), the field
// ("the workEmail field", "custom field customUsername"), the value (work email, username, UPN) and
// when it runs ("on join", "manually"); and the phrases that ask for more than the template does.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { HrisWritebackParams, HrisWritebackReading } from './hris-writeback-action.ts';

const QUOTE_OPEN = String.raw`["'\`“‘]?`;
const QUOTE_CLOSE = String.raw`["'\`”’]?`;
const NAME_OR_QUOTED = String.raw`(?:"([^"]*)"|'([^']*)'|“([^”]*)”|([^\s"'\`”’,;()]+?))(?=[\s,;()]|$)`;
const NOT_A_COMPANY = String.raw`domain|subdomain|name|id|account|tenant|instance|site|writeback|write-back|company|field|fields|so|and|or|when|once|with|using|via|too|as|is|every|each|all|any|new|the|their|our|a|an|his|her|its|this|that|them|it|joiners?|hires?|employees?|people|users?|staff|starters?|join|joining|hire|demand|request|creation|onboarding|record|profile|field|workEmail|us|me|bamboo-?hr|hris|api|example|now|once|later|success|failure|everyone`;
const NOT_A_NAME = /^(?:is|in|of|the|to|for|with|and|or|on|as|be|at|name|called|named|api|www|https?)$/i;

function stateCompany(recognition: Recognition<HrisWritebackReading>, said: string): void {
  const name = said.trim().replace(/^https?:\/\//i, '').replace(/\.bamboo-?hr\.com\/?$/i, '');
  if (NOT_A_NAME.test(name)) return;
  if (!/^[a-z0-9-]+$/i.test(name)) {
    recognition.problems.push(`"${said}" is not a BambooHR company subdomain (the part before .bamboohr.com: letters, digits and hyphens)`);
    return;
  }
  state(recognition, 'companyDomain', name.toLowerCase());
}

export const COMPANY_RULES: Rule<HrisWritebackReading>[] = [
  { pattern: /\b(?:https?:\/\/)?([a-z0-9][a-z0-9-]*)\.bamboo-?hr\.com\b/i, apply: (match, recognition) => { if (match[1]!.toLowerCase() !== 'api') stateCompany(recognition, match[1]!); } },
  { pattern: /\bgateway\.php\/([a-z0-9-]+)/i, apply: (match, recognition) => stateCompany(recognition, match[1]!) },
  {
    // "company domain acme", "subdomain: 'acme'", "company: initech", "company domain "acme corp"" (refused)
    pattern: new RegExp(String.raw`\b(?:(?:company|sub)[- ]?domain(?:\s+name)?(?:\s+(?:in|for|on|at) bamboo ?hr)?|company(?:\s+name|\s+id)?(?=\s*[:=]))\s*(?:is|=|:|of|should be)?\s*${NAME_OR_QUOTED}`, 'i'),
    apply: (match, recognition) => stateCompany(recognition, match.slice(1, 5).find((group) => group !== undefined)!),
  },
  {
    // "company acme", "company "acme"", "company is acme" beside BambooHR
    pattern: new RegExp(String.raw`(?:(?<=bamboo-?\s?hr\b.*)|(?=.*bamboo-?\s?hr\b))\bcompany\s+(?:is\s+|called\s+|named\s+)?${QUOTE_OPEN}(?!(?:${NOT_A_COMPANY})\b)([a-z0-9][a-z0-9-]*)${QUOTE_CLOSE}(?![\w.-])`, 'i'),
    apply: (match, recognition) => stateCompany(recognition, match[1]!),
  },
  {
    // "BambooHR acme", "bamboohr 'acme'" (the word right after the product name)
    pattern: new RegExp(String.raw`\bbamboo-?\s?hr\s+${QUOTE_OPEN}(?!(?:${NOT_A_COMPANY})\b)([a-z0-9][a-z0-9-]*)${QUOTE_CLOSE}(?=\s*(?:[,;.)]|$))`, 'i'),
    apply: (match, recognition) => stateCompany(recognition, match[1]!),
  },
  {
    // "BambooHR for acme", "in BambooHR at globex"
    pattern: new RegExp(String.raw`(?<=bamboo-?\s?hr\b.*)\b(?:for|at|of|in|on)\s+(?:company\s+)?${QUOTE_OPEN}(?!(?:${NOT_A_COMPANY})\b)([a-z0-9][a-z0-9-]*)${QUOTE_CLOSE}(?![\w.-])`, 'i'),
    apply: (match, recognition) => stateCompany(recognition, match[1]!),
  },
  {
    pattern: new RegExp(String.raw`\bbamboo ?hr\s+(?:company|account|tenant|instance|site|org(?:ani[sz]ation)?)(?:\s+(?:name|id))?\s*(?:is|=|:|called|named)?\s*${QUOTE_OPEN}([a-z0-9][a-z0-9-]*)${QUOTE_CLOSE}`, 'i'),
    apply: (match, recognition) => stateCompany(recognition, match[1]!),
  },
  { pattern: new RegExp(String.raw`\bbamboo ?hr\s*\(\s*${QUOTE_OPEN}([a-z0-9][a-z0-9-]*)${QUOTE_CLOSE}\s*\)`, 'i'), apply: (match, recognition) => stateCompany(recognition, match[1]!) },
  { pattern: new RegExp(String.raw`\b(?:our|the)\s+bamboo ?hr\s+(?:is|=)\s+${QUOTE_OPEN}([a-z0-9][a-z0-9-]*)${QUOTE_CLOSE}`, 'i'), apply: (match, recognition) => stateCompany(recognition, match[1]!) },
];

/** A BambooHR field name: camelCase ("workEmail"), "customX", an id ("4021"), or anything quoted. */
const FIELD_NAME = String.raw`(?:"([^"\s]+)"|'([^'\s]+)'|\`([^\`\s]+)\`|“([^”\s]+)”|\b([a-z]+[A-Z][A-Za-z0-9]*|custom[A-Za-z0-9_]+|[a-z]+_[a-z0-9_]+|\d{1,6})\b)`;
const fieldOf = (match: RegExpExecArray) => match.slice(1, 6).find((group) => group !== undefined)!;
const SOURCE_NAMES = new Set(['userPrincipalName', 'employeeId', 'personalEmail', 'managerEmail']);

function stateField(recognition: Recognition<HrisWritebackReading>, name: string): void {
  if (SOURCE_NAMES.has(name) || NOT_A_NAME.test(name)) return;
  state(recognition, 'emailField', name);
}

export const FIELD_RULES: Rule<HrisWritebackReading>[] = [
  { pattern: new RegExp(String.raw`\b(?:field|attribute|column|property)(?:\s+(?:called|named|id|key))?\s*[:=]?\s*${FIELD_NAME}`), apply: (match, recognition) => stateField(recognition, fieldOf(match)) },
  { pattern: new RegExp(String.raw`${FIELD_NAME}\s+(?:custom\s+)?(?:field|attribute|column|property)\b`), apply: (match, recognition) => stateField(recognition, fieldOf(match)) },
  { pattern: /\b(?:in(?:to)?|to|as)\s+(?:the\s+|their\s+)?(?:bamboo ?hr\s+)?(?:workEmail|work[- ]email)(?:\s+(?:field|attribute))?\b/i, apply: (_match, recognition) => state(recognition, 'emailField', 'workEmail') },
  { pattern: /\b(?:in(?:to)?|to|as)\s+(?:the\s+|their\s+)?(?:bamboo ?hr\s+)?(?:homeEmail|home[- ]email)(?:\s+(?:field|attribute))?\b/i, apply: (_match, recognition) => state(recognition, 'emailField', 'homeEmail') },
  { pattern: /\bworkEmail\b/, apply: (_match, recognition) => state(recognition, 'emailField', 'workEmail') },
];

type ValueFrom = HrisWritebackParams['valueFrom'];
const SOURCES = new WeakMap<Recognition<HrisWritebackReading>, Set<ValueFrom>>();
const said = (source: ValueFrom): Rule<HrisWritebackReading>['apply'] => (_match, recognition) => {
  const sources = SOURCES.get(recognition) ?? new Set<ValueFrom>();
  sources.add(source);
  SOURCES.set(recognition, sources);
};

export const VALUE_RULES: Rule<HrisWritebackReading>[] = [
  {
    // Not "the API key as the user name": that is Basic auth.
    pattern: /(?<!\b(?:as|is)\s+(?:the\s+)?)\b(?:user ?names?|login(?: ?names?)?|sam ?account ?names?|account ?names?)\b(?![^.]*\bpassword\b)/i,
    apply: said('username'),
  },
  { pattern: /\bupns?\b|\buser ?principal ?names?\b/i, apply: said('userPrincipalName') },
  { pattern: /\b(?:work|company|corporate|business|new|official)\s+e-?mail(?: address(?:es)?)?\b|\bworkEmail\b|\baccount\.email\b/i, apply: said('email') },
  { pattern: /\blower[- ]?cas(?:e|ed|ing)\b|\bdowncas\w*\b|\ball lower\b/i, apply: (match, recognition) => state(recognition, 'lowerCase', !/\b(?:not|never|don'?t|do not|no need to|keep)\b[^.]*$/i.test(match.input.slice(0, match.index))) },
  { pattern: /\b(?:as[- ]is|exactly as|unchanged|original case)\b/i, apply: (_match, recognition) => state(recognition, 'lowerCase', false) },
];

/** The value to write: a username or UPN when one was named, otherwise the work email. */
export function finishValue(recognition: Recognition<HrisWritebackReading>): void {
  const sources = SOURCES.get(recognition) ?? new Set<ValueFrom>();
  const accountValues = [...sources].filter((source) => source !== 'email');
  if (accountValues.length > 1) {
    recognition.problems.push('the requirement names both the username and the UPN; one function writes one value, so author one function per value');
    return;
  }
  if (accountValues.length === 1) state(recognition, 'valueFrom', accountValues[0]);
  // Unstated, the value is the template's: the work email.
  const valueFrom = recognition.stated.has('valueFrom') ? String(recognition.params.valueFrom) : 'email';
  if (valueFrom !== 'email' && !recognition.stated.has('emailField')) {
    recognition.problems.push(`no BambooHR field was named for the ${valueFrom}: name it (a custom field such as customUsername, see GET /api/v1/meta/fields)`);
  }
}

type Trigger = HrisWritebackParams['trigger'];
const TRIGGERS = new WeakMap<Recognition<HrisWritebackReading>, Set<Trigger>>();
const when = (trigger: Trigger): Rule<HrisWritebackReading>['apply'] => (_match, recognition) => {
  const triggers = TRIGGERS.get(recognition) ?? new Set<Trigger>();
  triggers.add(trigger);
  TRIGGERS.set(recognition, triggers);
  state(recognition, 'trigger', trigger);
};

export const TRIGGER_RULES: Rule<HrisWritebackReading>[] = [
  { pattern: /\bmanual(?:ly)?\b|\bon[- ]demand\b|\bon request\b|\bby hand\b|\bad[- ]?hoc\b|\bbackfill\w*\b|\bwhen (?:an? admin|i|we|someone|it|hr|you) (?:runs?|triggers?|asks?|clicks?|requests?) it\b/i, apply: when('manual') },
  {
    pattern: /\b(?:on|at|upon) (?:join(?:ing)?|hire|onboarding)\b|\bwhen (?:someone|somebody|a new hire|they|an employee|a person|the user|a user|people) (?:joins?|starts?|is hired|are hired)\b|\b(?:once|after|when|as soon as) (?:the|their|an?|the new) (?:account|mailbox|e-?mail(?: address)?|user|work e-?mail)(?: account)? (?:is |has been |gets |was )?(?:created|provisioned|exists?|ready|final|set up|generated)\b|\bautomatically\b|\buser\.joined\b|\bjoiner event\b/i,
    apply: when('user.joined'),
  },
];

export function finishTrigger(recognition: Recognition<HrisWritebackReading>): void {
  if ((TRIGGERS.get(recognition)?.size ?? 0) > 1) recognition.problems.push('the requirement asks for both an automatic run on join and a manual run; a function has one trigger, so author one for each');
}

/** "e.g. john.smith@acme.com for John Smith", "John Smith → john.smith@acme.com": written back as is. */
export const EXAMPLE_RULES: Rule<HrisWritebackReading>[] = [
  {
    pattern: /\b([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s+(?:for|of)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)/u,
    apply: (match, recognition) => { recognition.examples.push({ input: match[2]!, output: match[1]! }); },
  },
  {
    pattern: /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)\s*(?:→|->|=>|:|gets|has)\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/u,
    apply: (match, recognition) => { recognition.examples.push({ input: match[1]!, output: match[2]! }); },
  },
];
