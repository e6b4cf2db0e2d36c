// Statements read from the sentences, settled into baseline names, rules and exceptions, shared by the
// groups and apps families; also the notes a recognition carries between its rules and `finish`.

import { isFiller, leftoverWords } from '../../clauses.ts';
import type { Recognition, Rule } from '../../recognizer.ts';
import { readClause, type Statement } from './groups-grammar.ts';
import type { ItemWords } from './groups-items.ts';
import { mentionProblems, readMention, type Mention } from './groups-mentions.ts';
import { MATCHING_NOTES, readOutputSentence } from './groups-output.ts';
import type { Condition, Subject } from './groups-subjects.ts';

export interface AssignmentNotes {
  /** Each with the number of the sentence it came from. */
  statements: Array<Statement & { clause: number }>;
  sentences: number;
  /** "For example, a Sales manager in Berlin gets …": a person and what they should end up with. */
  examples: Statement[];
  /** Sentences that only name items ("App names exactly: Salesforce, Jira"). */
  mentions: Mention[];
}

const NOTES = new WeakMap<Recognition, AssignmentNotes>();

export function assignmentNotes(recognition: Recognition): AssignmentNotes {
  let notes = NOTES.get(recognition);
  if (!notes) NOTES.set(recognition, (notes = { statements: [], examples: [], mentions: [], sentences: 0 }));
  return notes;
}

const CUE = String.raw`\b(?:don'?t|doesn'?t|do not|does not|aren'?t|not|gets?|receives?|added|add|put|placed|assign\w*|give[ns]?|grant\w*|enrol\w*|provision\w*|joins?|belongs?|members?|go(?:es)?|skips?|exclud\w*|never|has|have|needs?|for|remove|withhold)\b|[:=→|\t]|->|=>`;

/** Claims every sentence that says who gets what; a sentence it cannot read is named as a problem,
 *  unless it only introduces the rule ("Group membership for new joiners:"). */
export function assignmentRule(words: ItemWords): Rule {
  return {
    pattern: new RegExp(String.raw`^(?=[\s\S]*(?:${CUE}|${words.nouns.source}))[\s\S]+$`, 'i'),
    apply: (match, recognition) => {
      const notes = assignmentNotes(recognition);
      // "The HR data is messy: trim and compare case-insensitively" says what the template already does.
      if (leftoverWords(match.input, MATCHING_NOTES).length === 0) return;
      const output = readOutputSentence(match.input, words.fields);
      if (output) {
        if ('problem' in output) recognition.problems.push(output.problem);
        return;
      }
      const mention = readMention(match.input, words);
      if (mention) {
        notes.mentions.push(mention);
        return;
      }
      const reading = readClause(match.input, words, notes.statements.at(-1));
      if ('error' in reading) {
        if (!isFiller(match.input) && leftoverWords(match.input, [words.intro, words.nouns]).length > 0) recognition.problems.push(`could not read "${match.input}": ${reading.error}`);
        return;
      }
      notes.sentences += 1;
      if (reading.example) notes.examples.push(...reading.statements);
      else notes.statements.push(...reading.statements.map((statement) => ({ ...statement, clause: notes.sentences })));
    },
  };
}

/** "Everyone else": whoever none of the earlier rules of the same sentence matched, or of the whole
 *  requirement when the sentence has none ("Sales gets CRM-Users, everyone else gets Basic-Users"). */
function elseCondition(earlier: Array<{ when: Condition; clause: number }>, clause: number): Condition | undefined {
  const sameSentence = earlier.filter((grant) => grant.clause === clause);
  const scope = (sameSentence.length > 0 ? sameSentence : earlier).map((grant) => grant.when);
  if (scope.length === 0) return undefined;
  return { unless: scope.length === 1 ? scope[0]! : scope };
}

/** A rule or exception in the form both families share. */
export interface Grant { when: Condition; names: string[]; pattern?: string }
export interface Settled { baseline: string[]; grants: Grant[]; withholds: Grant[] }

export function settleStatements(recognition: Recognition, noun: string): Settled {
  const { statements } = assignmentNotes(recognition);
  const settled: Settled = { baseline: [], grants: [], withholds: [] };
  const clauses: Array<{ when: Condition; clause: number }> = [];
  if (statements.length === 0) recognition.problems.push(`no sentence says who gets which ${noun}s`);
  for (const reading of new Set(statements.flatMap((statement) => statement.subject.readings ?? []))) recognition.assumptions.push(`${reading}.`);
  for (const statement of statements.filter((each) => !each.nothing)) {
    const describe = `${statement.negated ? 'withholding' : 'granting'} ${[...statement.names, ...statement.patterns].join(', ')}`;
    if (statement.negated) {
      if (statement.subject.kind !== 'condition') recognition.problems.push(`${describe} from everyone takes back what the rule grants: say who does not get it`);
      else settled.withholds.push({ when: statement.subject.condition, names: statement.names, ...(statement.patterns.length ? { pattern: statement.patterns.join('|') } : {}) });
    } else if (statement.patterns.length > 0) {
      recognition.problems.push(`${describe}: a kind of ${noun} can only be withheld, not granted; name the ${noun}s`);
    } else if (statement.subject.kind === 'everyone') {
      settled.baseline.push(...statement.names.filter((name) => !settled.baseline.includes(name)));
    } else if (statement.subject.kind === 'else') {
      const when = elseCondition(clauses, statement.clause);
      if (when) settled.grants.push({ when, names: statement.names });
      else recognition.problems.push(`"everyone else" (${describe}) comes before any rule it could be else to`);
    } else {
      settled.grants.push({ when: statement.subject.condition, names: statement.names });
      clauses.push({ when: statement.subject.condition, clause: statement.clause });
    }
  }
  settleNothing(statements.filter((each) => each.nothing), settled, noun).forEach((problem) => recognition.problems.push(problem));
  const used = [...settled.baseline, ...settled.grants.flatMap((grant) => grant.names), ...settled.withholds.flatMap((withhold) => withhold.names)];
  mentionProblems(assignmentNotes(recognition).mentions, used, noun).forEach((problem) => recognition.problems.push(problem));
  contradictions(settled, noun).forEach((problem) => recognition.problems.push(problem));
  return settled;
}

/** "Everyone else gets nothing" adds nothing when nobody gets anything by default; "interns get nothing"
 *  (or "neither", of exactly two) withholds every name a rule grants. Anything less clear is named back. */
function settleNothing(statements: Statement[], settled: Settled, noun: string): string[] {
  const granted = [...new Set(settled.grants.flatMap((grant) => grant.names))];
  return statements.flatMap((statement) => {
    const said = `"${statement.nothing}"`;
    if (settled.baseline.length > 0) return [`${said} is unclear next to the ${noun}s everyone gets (${settled.baseline.join(', ')}): say whether they keep those`];
    if (statement.subject.kind === 'else') return [];
    if (statement.subject.kind === 'everyone') return [`${said} for everyone takes back what the rules grant: say who does not get it`];
    if (statement.nothing === 'neither' && granted.length !== 2) return [`${said} is unclear when the rules name ${granted.length} ${noun}s: name the ${noun}s they do not get`];
    settled.withholds.push({ when: statement.subject.condition, names: granted });
    return [];
  });
}

/** The same people both given and denied the same names: the requirement contradicts itself. */
function contradictions(settled: Settled, noun: string): string[] {
  return settled.withholds.flatMap((withhold) => {
    const same = [...settled.grants.filter((grant) => JSON.stringify(grant.when) === JSON.stringify(withhold.when)), ...(Object.keys(withhold.when).length === 0 ? [{ names: settled.baseline }] : [])];
    const both = same.flatMap((grant) => grant.names).filter((name) => withhold.names.some((other) => other.toLowerCase() === name.toLowerCase()));
    return both.length > 0 ? [`the same people are both given and denied the ${noun} ${[...new Set(both)].join(', ')}: say which one wins`] : [];
  });
}

/** Sample titles the subjects named, by title pattern, for fixtures. */
export function titleSamples(recognition: Recognition): Map<string, NonNullable<Subject['titles']>> {
  const samples = new Map<string, NonNullable<Subject['titles']>>();
  const { statements, examples } = assignmentNotes(recognition);
  for (const statement of [...statements, ...examples]) {
    const { condition, titles } = statement.subject;
    if (condition.titlePattern && titles && !samples.has(condition.titlePattern)) samples.set(condition.titlePattern, titles);
  }
  return samples;
}
