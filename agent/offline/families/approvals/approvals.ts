// Approval routing: department (and worker type) → an ordered chain of approvers, the joiner's manager
// or named addresses; a default chain; a missing manager replaced, skipped or an error.

import { readingFields, type FamilyRecognizer, type Recognition, type Rule } from '../../recognizer.ts';
import { ASKED_ONCE, CHAIN_SHAPES, EXAMPLE_SHAPE, INTRO, FALLBACK_DECLARED, MISSING_FOLLOW_UP, MISSING_LEADING, MISSING_TRAILING, readMissingAction, splitTrailingMissing } from './approvals-clauses.ts';
import { mappingFixtures } from '../../kinds/mapping/mapping-fixtures.ts';
import { mappingSource } from '../../kinds/mapping/mapping-source.ts';
import { checkExamples, draftOf, exampleLiteral, settleChains, settleMissingManager } from './approvals-chains.ts';
import { APPROVALS_DEFAULTS, APPROVALS_READING_DEFAULTS, approvalsMapping, type ApprovalsReading } from './approvals-mapping.ts';
import { outputShapeRule } from '../../grammar/output-shape-rule.ts';
import { strictReadingRule } from '../../grammar/strict-reading-rule.ts';
import { APPROV, readSteps, readSubject } from './approvals-steps.ts';

/** The params start as the rule's defaults; the phrases write the template's parameters next to them. */
const params = (recognition: Recognition<ApprovalsReading>) => readingFields(recognition.params, APPROVALS_READING_DEFAULTS);
const rule = (recognition: Recognition<ApprovalsReading>) => approvalsMapping(params(recognition));
/** One pattern for whole-clause shapes; the analyser also matches it against the clause padded with spaces. */
const union = (shapes: RegExp[]) => new RegExp(`^\\s*(?:${shapes.map((shape) => `(?:${shape.source.replace(/^\^|\$$/g, '').replace(/\(\?<\w+>/g, '(?:')})`).join('|')})\\s*$`, 'iu');

/** "Finance joiners need their manager and then fd@acme.com", in any of the chain shapes. */
const chainRule: Rule<ApprovalsReading> = {
  pattern: union(CHAIN_SHAPES),
  apply(match, recognition) {
    const text = match[0].trim();
    const rest = INTRO.exec(text)?.groups!.rest;
    const clause = rest !== undefined && CHAIN_SHAPES.some((shape) => shape.test(rest)) ? rest : text;
    const groups = CHAIN_SHAPES.map((shape) => shape.exec(clause)).find(Boolean)!.groups!;
    const { chain, missing } = splitTrailingMissing(groups.chain!);
    if (missing !== undefined) readMissing(missing, text, recognition);
    const subject = readSubject(groups.subject!);
    const { steps, problems } = readSteps(chain);
    if ('problem' in subject) recognition.problems.push(subject.problem);
    recognition.problems.push(...problems);
    if ('problem' in subject || (steps.length === 0 && problems.length === 0)) return;
    const additive = groups.add !== undefined || /\b(?:also|additionally|too|as well|in addition|on top|extra|further)\b/i.test(clause);
    draftOf(recognition).entries.push({ subject, steps, additive });
  },
};

function readMissing(text: string, clause: string, recognition: Recognition<ApprovalsReading>): void {
  const shape = [MISSING_LEADING, MISSING_TRAILING, FALLBACK_DECLARED].map((candidate) => candidate.exec(text)).find(Boolean);
  const action = shape ? readMissingAction(shape.groups!.action!) : undefined;
  if (action) draftOf(recognition).missing.push({ action, text: clause });
  else recognition.problems.push(`"${clause}": could not tell what happens without a manager (say e.g. "if there is no manager, use hr@acme.com" or "… it is an error")`);
}

const missingRule: Rule<ApprovalsReading> = {
  pattern: union([MISSING_LEADING, MISSING_TRAILING, FALLBACK_DECLARED]),
  apply: (match, recognition) => readMissing(match[0].trim(), match[0].trim(), recognition),
};

/** "Use hr@acme.com" right after "No manager?" (a question mark ends the clause). */
const followUpRule: Rule<ApprovalsReading> = {
  pattern: union([MISSING_FOLLOW_UP]),
  apply(match, recognition) {
    const { missing } = draftOf(recognition);
    const pending = missing.at(-1);
    const action = readMissingAction(MISSING_FOLLOW_UP.exec(match[0].trim())!.groups!.action!);
    if (pending?.action.mode === 'pending' && action && action.mode !== 'pending') missing.push({ action, text: `${pending.text}? ${match[0]}` });
    else recognition.problems.push(`"${match[0]}": could not tell what this applies to`);
  },
};

const exampleRule: Rule<ApprovalsReading> = {
  pattern: union([EXAMPLE_SHAPE]),
  apply(match, recognition) {
    const groups = EXAMPLE_SHAPE.exec(match[0].trim())!.groups!;
    const approvers = (groups.approvers!.match(/[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? []).map((email) => email.toLowerCase());
    const noun = groups.noun!.toLowerCase();
    draftOf(recognition).examples.push({
      text: match[0],
      department: groups.department!,
      employmentType: noun === 'contractor' || noun === 'intern' ? noun : 'employee',
      managerEmail: groups.manager?.toLowerCase() ?? null,
      approvers,
    });
  },
};

/** Things approval routing offline cannot do; named back rather than dropped. */
const unsupportedRule: Rule<ApprovalsReading> = {
  pattern: /\b(?:notify|notif(?:y|ies|ication)s?|slack|teams|remind(?:er|ers)?|sla|time\s*outs?|expir\w*|deadline|in\s+parallel|simultaneous\w*|at\s+the\s+same\s+time|any\s+one\s+of|either\s+of|ticket|jira|servicenow|skip[- ]level|second[- ]line|copy|cc|bcc|inform|tell|files?|documents?|mov(?:e|es|ed|ing)|(?:manager|manger)'?s\s+(?:manager|manger)|within\s+\d+\s*(?:hours?|days?|h|d)|after\s+\d+\s*(?:hours?|days?)|escalat\w*\s+(?:after|if\s+(?:not|no)|when\s+(?:not|no)))\b/i,
  apply(match, recognition) {
    const problem = `"${match.input}" asks for something the approvals template does not do`;
    if (!recognition.problems.some((known) => known.startsWith(problem))) recognition.problems.push(`${problem} (${match[0]})`);
  },
};

const RULES: Rule<ApprovalsReading>[] = [
  chainRule,
  missingRule,
  followUpRule,
  exampleRule,
  unsupportedRule,
  { pattern: ASKED_ONCE },
  outputShapeRule('approvals', ['approvers', 'chain', 'steps']),
  { pattern: /\b(?:on\s+(?:request|demand)|manual(?:ly)?|by\s+hand|when\s+(?:asked|requested))\b/i, apply: (_match, recognition) => { recognition.params.trigger = 'manual'; recognition.stated.add('trigger'); } },
];

const VOCABULARY: RegExp[] = [new RegExp(String.raw`\b(?:${APPROV}|sign[- ]?offs?|rout(?:e|es|ed|ing)|chains?|joiners?|hires?|starters?|departments?|depts?|joins?|joining|steps?|sequence|sequential(?:ly)?|in\s+(?:that\s+|this\s+|the\s+same\s+)?order|one\s+after\s+(?:another|the\s+other)|e-?mails?|e-?mail\s+addresses|lower-?case(?:d)?|lower\s+case)\b`, 'i')];

export const approvalsRecognizer: FamilyRecognizer<ApprovalsReading> = {
  family: 'approvals',
  keywords: [new RegExp(String.raw`\b${APPROV}`, 'i'), /\bsign[- ]?offs?\b/i, /\brout(?:e|es|ed|ing)\b/i, /\bchains?\b/i, /\bman(?:a|an)?ge?r\s*,?\s*(?:and\s+)?(?:then|→|->)/i, /\b(?:needs?|requires?)\s+(?:(?:their|the)\s+)?(?:manager\b|[\w.+-]+@[\w-]+\.)/i],
  vocabulary: VOCABULARY,
  rules: [...RULES, strictReadingRule('approvals', RULES, VOCABULARY)],
  finish(recognition) {
    const draft = draftOf(recognition);
    settleChains(recognition, draft);
    settleMissingManager(recognition, draft);
    checkExamples(recognition, draft);
  },
  defaults: APPROVALS_DEFAULTS,
  // The admin's worked examples first, taken literally, then the text's other examples.
  fixtures: (recognition) => mappingFixtures(rule(recognition), {}, [...draftOf(recognition).examples.map(exampleLiteral), ...recognition.examples]),
  generate: (recognition) => mappingSource(rule(recognition)),
  spec(recognition) {
    const p = params(recognition);
    const chain = (steps: string[]) => steps.map((step) => (step === 'manager' ? 'their manager' : step)).join(', then ');
    const typed = Object.keys(p.employmentTypeChains).length + Object.keys(p.employmentTypeExtraSteps).length > 0;
    return {
      summary: `Routes each joiner's approval by department (${Object.keys(p.chains).join(', ') || 'one chain for everyone'}); a missing manager ${p.missingManager === 'fallback' ? `is replaced by ${p.fallbackApprover}` : p.missingManager === 'skip' ? 'skips that step' : 'is an error'}.`,
      trigger: p.trigger,
      inputs: ['person.department', 'person.managerEmail', 'person.employeeId', ...(typed ? ['person.employmentType'] : [])],
      output: '{ approvers: string[], chain: string, steps: [{ order, approver, role }] }',
      rules: [
        ...Object.entries(p.employmentTypeChains).map(([type, steps]) => `A ${type} is approved by ${chain(steps)}, whatever the department.`),
        ...Object.entries(p.chains).map(([department, steps]) => `${department} (any case, spaces trimmed): ${chain(steps)}.`),
        p.defaultChain.length ? `Every other department: ${chain(p.defaultChain)}.` : 'Any other department is an error: no chain applies.',
        ...Object.entries(p.employmentTypeExtraSteps).map(([type, steps]) => `A ${type} also needs ${chain(steps)} after that.`),
        `Without a manager: ${p.missingManager === 'fallback' ? `${p.fallbackApprover} approves in the manager's place` : p.missingManager === 'skip' ? "the manager's step is left out" : 'an error, nobody is guessed'}.`,
        'Addresses are lower-cased; a person who appears twice approves once, at their first step.',
      ],
      edgeCases: ['each department chain', 'a department in another case with spaces', 'a department without a chain', 'a missing and a blank manager', 'a manager who is also a named approver', 'a mixed-case manager address'],
      assumptions: [],
    };
  },
};
