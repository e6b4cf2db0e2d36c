// How admins name approvers in a chain ("their manager and then the finance director (fd@acme.com)",
// "manager → IT (it-approvals@acme.com)") and whom a chain is for ("Finance joiners", "everyone else",
// "contractors"). Anything that is not a manager or an email address is a problem, never dropped.

import { MANAGER_STEP } from './approvals-mapping.ts';

export const EMAIL = String.raw`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
export const MANAGER_WORD = String.raw`(?:manager|manger|mananger|managr|mgr)`;
/** "the approver" typo-tolerant stems: aproval, approvel, approved, approvers. */
export const APPROV = String.raw`ap+ro+v\w*`;

const MANAGER_ITEM = new RegExp(
  String.raw`^(?:(?:the|their|thier|ther|his|her|his or her|his/her|your|a|an|(?:the\s+)?(?:joiner|new\s+(?:hire|joiner|starter)|person|employee|user|hire)'?s)\s+)?(?:(?:direct|line|hiring|reporting|own|people|immediate)\s+)?${MANAGER_WORD}$`,
  'i',
);
const SEPARATOR = /\s*(?:,\s*(?:and\s+)?(?:then\s+)?(?:after\s+that\s+)?|\s+and\s+then\s+|\s+then\s+|\s+after\s+that\s+|\s+and\s+finally\s+|\s+finally\s+|\s+and\s+|\s+followed\s+by\s+|\s+plus\s+|\s*(?:->|→|=>|⇒|>|\+|&)\s*)\s*/i;
const LEADING = new RegExp(String.raw`^(?:(?:first(?:ly)?|second(?:ly)?|third|next|then|finally|lastly|last|and|also|by|from|only|just|both)\s+|(?:an?\s+)?(?:${APPROV}|sign[- ]?offs?|ok)\s+(?:from|by)\s+|(?:an?\s+)?(?:${APPROV}|sign[- ]?offs?)\s*:\s*)+`, 'i');
const TRAILING = new RegExp(String.raw`(?:\s*'s|\s+(?:(?:must|should|will|has\s+to|needs?\s+to|to)\s+)?(?:${APPROV}|sign[- ]?offs?|signs?\s+off|ok)|\s+(?:only|alone|too|as\s+well|last|first|second|at\s+the\s+end|for\s+(?:${APPROV}|sign[- ]?off)|in\s+(?:that\s+)?order|after\s+that|instead))+$`, 'i');
/** Words that make an approver phrase mean more than "this person approves next". */
const NOT_A_ROLE = /\b(?:slack|teams|e-?mail(?:ed|s)?|notify|notified|cc|copy|inform(?:ed)?|message|ticket|jira|servicenow|parallel|simultaneous(?:ly)?|same time|either|any one|optional(?:ly)?|if|unless|when|within|hours?|days?)\b/i;

export type StepsResult = { steps: string[]; problems: string[] };

/** Cuts a list at separators outside parentheses. */
function splitList(text: string): string[] {
  const parked: string[] = [];
  const masked = text.replace(/\([^()]*\)/g, (group) => `\u0000${parked.push(group) - 1}\u0000`);
  return masked.split(SEPARATOR).map((part) => part.replace(/\u0000(\d+)\u0000/g, (_all, index: string) => parked[Number(index)]!).trim());
}

/** One approver phrase: "manager", an email address (lower-cased), nothing (filler), or a problem. */
export function readStep(phrase: string): { step?: string; problem?: string } {
  const text = phrase.trim().replace(/^["'“‘]+|["'”’.]+$/g, '').replace(LEADING, '').replace(TRAILING, '').trim();
  if (text === '') return {};
  if (MANAGER_ITEM.test(text)) return { step: MANAGER_STEP };
  const emails = text.match(new RegExp(EMAIL, 'g')) ?? [];
  const label = text.replace(new RegExp(EMAIL, 'g'), ' ').replace(/[()<>:,]/g, ' ').trim();
  if (emails.length === 1 && !NOT_A_ROLE.test(label) && label.split(/\s+/).length <= 6) return { step: emails[0]!.toLowerCase() };
  if (emails.length > 1) return { problem: `"${phrase.trim()}" names more than one approver for one step; list them one after another` };
  if (emails.length === 0 && /^[\p{L}][\p{L}'’ -]{0,40}$/u.test(text) && !NOT_A_ROLE.test(text)) {
    return { problem: `"${phrase.trim()}" has no email address; write it like "${text} (name@company.com)"` };
  }
  return { problem: `"${phrase.trim()}" is not an approver the offline author can route to (say "manager" or give an email address)` };
}

export function readSteps(text: string): StepsResult {
  const result: StepsResult = { steps: [], problems: [] };
  for (const part of splitList(text)) {
    const { step, problem } = readStep(part);
    if (problem) result.problems.push(problem);
    if (step && !result.steps.includes(step)) result.steps.push(step);
  }
  return result;
}

export type Subject =
  | { kind: 'departments'; names: string[] }
  | { kind: 'types'; names: Array<'contractor' | 'intern'> }
  | { kind: 'others' }
  | { kind: 'everyone' };

const SUBJECT_NOISE = new RegExp(
  String.raw`\b(?:for|in|within|into|from|of|the|a|an|any|all|each|every|only|just|also|additionally|too|as well|in addition|on top|new|joiners?|joining|joins?|hires?|hired|starters?|starting|people|persons?|staff|employees?|members?|folks|someone|team|teams|departments?|depts?|division|org|approvals?|${APPROV}|chain|routing|who|that|are|is|get|gets|we|should|must|will|dept\.|person's|joiner's)\b`,
  'gi',
);

/** Whom a chain is for; a problem when the words are not departments, "everyone (else)" or a worker type. */
export function readSubject(text: string): Subject | { problem: string } {
  const original = text.trim().replace(/[,:]+$/, '').trim();
  if (/\b(?:based|located|office|site|location|city|country|region)\b/i.test(original)) {
    return { problem: `"${original}": approval chains by location are not supported offline, only by department or worker type` };
  }
  if (/\b(?:manager|manger|without|unless)\b/i.test(original)) return { problem: `"${original}" does not read as whom a chain is for` };
  if (/\b(?:else|other|others|rest|remaining|default|otherwise)\b/i.test(original)) return { kind: 'others' };
  const rest = original.replace(/\b(?:every(?:one|body)|any(?:one|body))\b/gi, ' ').replace(SUBJECT_NOISE, ' ').replace(/\s+/g, ' ').trim();
  const types = [...rest.matchAll(/\b(contractor|intern)s?\b/gi)].map((match) => match[1]!.toLowerCase() as 'contractor' | 'intern');
  const departments = rest.replace(/\b(?:contractors?|interns?)\b/gi, ' ').split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&|\+)\s+|\s*\/\s*/i).map((name) => name.trim()).filter(Boolean);
  if (types.length > 0) {
    return departments.length === 0 ? { kind: 'types', names: types } : { problem: `"${original}": a chain for a worker type within a department is not supported offline` };
  }
  if (departments.length === 0) return /\b(?:every(?:one|body)|all|any(?:one|body)|each|every)\b/i.test(original) || rest === '' ? { kind: 'everyone' } : { problem: `"${original}" names no department` };
  const bad = departments.find((name) => !/^[\p{L}\p{N}][\p{L}\p{N}&.'-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}&.'-]*){0,2}$/u.test(name));
  if (bad !== undefined) return { problem: `"${original}" does not read as a list of departments` };
  return { kind: 'departments', names: departments.map((name) => (name === name.toLowerCase() ? name.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()) : name)) };
}
