// Who the rule is for, as admins say it: "for new engineers in Berlin", "starting on a Monday",
// '"Engineers" = department Engineering', "contractors do not get a TAP", "only for interns", and what
// everyone else gets ("anybody else … returns { ticket: null }"), and what the function returns.

import type { Recognition, Rule } from '../../recognizer.ts';
import type { Condition, ConditionField, HttpActionRule } from './http-action-rule.ts';
import { readObject, type Loose } from './read-object.ts';
import { pendingOf, write } from './reading-state.ts';
import { STATUS_CLAUSE } from './status-phrases.ts';
import { OBJECT } from './step-phrases.ts';
import { UNTIL_THEN } from './wait-phrases.ts';

const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/** Role plurals that name a department. */
const ROLES: Record<string, string> = {
  engineers: 'Engineering', developers: 'Engineering', designers: 'Design', marketers: 'Marketing', salespeople: 'Sales',
  accountants: 'Finance', recruiters: 'Recruiting', lawyers: 'Legal',
};
/** Case-insensitive by hand: the place after it must start with a capital ("in Lisbon we need" is Lisbon). */
const anyCase = (word: string) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;
const ROLE = Object.keys(ROLES).map(anyCase).join('|');
const TYPE = '(contractors?|interns?|employees?)';
const PLACE = String.raw`([A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?)`;
const FIELDS: Record<string, ConditionField> = {
  department: 'department', dept: 'department', location: 'location', office: 'location', title: 'title', 'job title': 'title',
  'employment type': 'employmentType', employmenttype: 'employmentType',
};

/** Adds a condition; the same field stated twice must agree. */
function requireCondition(recognition: Recognition<HttpActionRule>, condition: Condition): void {
  const when = recognition.params.when.filter(() => recognition.stated.has('when'));
  const same = when.find((existing) => existing.field === condition.field);
  if (same && (same.negate !== condition.negate || same.values.join() !== condition.values.join())) {
    const both = `${same.values.join(', ')} and ${condition.values.join(', ')}`;
    if (same.negate === condition.negate && !condition.negate) recognition.problems.push(`the ${condition.field} is given twice: ${both}`);
    else if (same.negate === condition.negate) same.values = [...new Set([...same.values, ...condition.values])];
    else recognition.problems.push(`the ${condition.field} is both required and excluded (${same.values.join(', ')} / ${condition.values.join(', ')})`);
    write(recognition, 'when', when);
    return;
  }
  write(recognition, 'when', same ? when : [...when, condition]);
}

const singular = (type: string) => type.toLowerCase().replace(/s$/, '');

/** "return { skipped: true }": literal entries; a value that is not a literal is an output to resolve. */
function objectAt(text: string): Record<string, Loose> | undefined {
  const read = readObject(text, 0);
  return read?.value && typeof read.value === 'object' && !Array.isArray(read.value) ? read.value : undefined;
}

/** What a clause says the people the rule is not for get: "anybody else … returns { … }", "call nothing". */
const SKIP_WORDS = new RegExp(
  String.raw`\b(?:do nothing|call nothing|calling (?:anything|nothing)|nothing (?:is )?called|raise nothing|no ticket|any(?:body|one) else|any other` +
    String.raw`|do not get|don'?t get|(?:never )?get no|skip(?:ped)?)\b`,
  'i',
);

export const CONDITION_RULES: Rule<HttpActionRule>[] = [
  {
    pattern: new RegExp(String.raw`\b(?:start(?:s|ing)?|start ?date\s+falls|falls)\s+on\s+(?:a\s+)?(${DAYS})s?\b|\b(${DAYS})\s+starters\b`, 'i'),
    apply: (match, recognition) => {
      const day = (match[1] ?? match[2] ?? '').toLowerCase();
      requireCondition(recognition, { field: 'startWeekday', values: [day], negate: false });
    },
  },
  {
    // "for new engineers in Berlin", "when engineers start in Lisbon", "designers joining in Paris".
    pattern: new RegExp(
      String.raw`\b(?:[Ff]or|[Ww]hen)\s+(?:all\s+)?(?:new\s+)?(${ROLE})(?:\s+(?:start|join)(?:s|ing)?)?(?:\s+(?:in|based in|at)\s+${PLACE})?`,
      'u',
    ),
    apply: (match, recognition) => {
      requireCondition(recognition, { field: 'department', values: [ROLES[(match[1] ?? '').toLowerCase()] ?? ''], negate: false });
      if (match[2]) requireCondition(recognition, { field: 'location', values: [match[2]], negate: false });
    },
  },
  // '"Engineers" = department Engineering', '"in Berlin" = location Berlin', "department is Sales".
  {
    pattern:
      new RegExp(
        String.raw`(?:["“][^"”]{1,40}["”]\s*)?(?:=|\bmeans)\s+(department|dept|location|office|title|employment type)\s+` +
          String.raw`["']?([\p{L}][\p{L}&' -]*?)["']?(?=[,;.]|$)` +
          String.raw`|\b(department|location|title|employment ?type)\s+(?:is|=|==|equals)\s+["']?([\p{L}][\p{L}&'-]*)["']?`,
        'iu',
      ),
    apply: (match, recognition) => {
      const field = FIELDS[(match[1] ?? match[3] ?? '').toLowerCase()];
      const value = (match[2] ?? match[4] ?? '').trim();
      if (field) requireCondition(recognition, { field, values: [field === 'employmentType' ? singular(value) : value], negate: false });
    },
  },
  // "(department Sales, location Dublin)": a field and a capitalised value.
  {
    pattern: /\b(department|location|title)\s+([A-Z][\p{L}&'-]*(?:\s+[A-Z][\p{L}&'-]*)?)/u,
    apply: (match, recognition) => requireCondition(recognition, { field: FIELDS[match[1] ?? ''] ?? 'department', values: [match[2] ?? ''], negate: false }),
  },
  { pattern: /\bboth must hold\b|\ball of (?:these|them) must hold\b/i },
  {
    pattern: new RegExp(String.raw`\b${TYPE}(?:\s+(?:do not|don'?t|never)\s+get|\s+get\s+no|\s*:\s*raise nothing|\s+are\s+skipped)\b`, 'i'),
    apply: (match, recognition) => requireCondition(recognition, { field: 'employmentType', values: [singular(match[1] ?? '')], negate: true }),
  },
  // "to contractors starting on a Friday", "for new interns"; not "for everyone but contractors".
  {
    pattern: /(?<!\b(?:but|except|not)\s+)\b(?:for|to)\s+(?:all\s+)?(?:new\s+)?(contractors|interns)\b(?!\s+(?:do not|don'?t|never|get no|are skipped))/i,
    apply: (match, recognition) => requireCondition(recognition, { field: 'employmentType', values: [singular(match[1] ?? '')], negate: false }),
  },
  {
    pattern: new RegExp(String.raw`\bonly\s+(?:for|applies to)\s+${TYPE}`, 'i'),
    apply: (match, recognition) => requireCondition(recognition, { field: 'employmentType', values: [singular(match[1] ?? '')], negate: false }),
  },
  {
    pattern: new RegExp(String.raw`\breturns?\s+(${OBJECT})`, 'i'),
    apply: (match, recognition) => {
      const object = objectAt(match[1] ?? '');
      if (!object) {
        recognition.problems.push(`the output "${match[1]}" could not be read`);
        return;
      }
      // A status's own output ("if it answers 404, skip … and return { … }") and the wait's are read there.
      if (STATUS_CLAUSE.test(match.input) && /\b[45]\d\d\b/.test(match.input.slice(0, match.index))) return;
      const until = UNTIL_THEN.exec(match.input);
      if (until && until.index <= match.index && match.index < until.index + until[0].length) return;
      if (SKIP_WORDS.test(match.input)) write(recognition, 'skipOutput', object);
      else pendingOf(recognition).output = object;
    },
  },
  // "(return { skipped: true })" after a skip is read above; "for everyone else create the pass" says who runs.
  { pattern: /\bfor everyone else\b|\beveryone else\b/i },
];
