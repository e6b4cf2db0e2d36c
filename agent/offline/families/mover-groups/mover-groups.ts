// Mover group changes: on a move of department, location or worker type, the new placement's groups are
// added and the old one's removed; baseline groups are never removed; exclusions by worker type.

import { readingFields, type FamilyRecognizer, type Recognition, type Rule } from '../../recognizer.ts';
import { outputShapeRule } from '../../grammar/output-shape-rule.ts';
import { strictReadingRule } from '../../grammar/strict-reading-rule.ts';
import { expectedMove } from '../../kinds/mapping/expected-move.ts';
import { mappingFixtures } from '../../kinds/mapping/mapping-fixtures.ts';
import { mappingSource } from '../../kinds/mapping/mapping-source.ts';
import { groupsRecognizer } from '../groups/groups.ts';
import { BASELINE_INSIDE, readGroups } from './mover-groups-clauses.ts';
import { anyShape, readRows, SHAPES, union } from './mover-groups-read.ts';
import { MOVER_DEFAULTS, MOVER_READING_DEFAULTS, moveHints, moverGroupsMapping, placementsOf, type MoverGroupsReading } from './mover-groups-mapping.ts';
import { moverDraftOf } from './mover-groups-tables.ts';

/** Words that make a text about moving people, not about joiners. */
const MOVE_SIGNAL = /\b(?:mov(?:e|es|ed|er|ers|ing)|transfer(?:s|red|ring)?|chang(?:e|es|ed|ing)\s+(?:their\s+|the\s+|of\s+|in\s+)?(?:department|team|location|office|role|job)s?|(?:department|team|location|office|role|job)s?\s+(?:or\s+\w+\s+)?chang(?:e|es|ed)|(?:old|previous|former|prior)\s+(?:department|location|office|team|groups?|ones))\b/i;
/** The signal for keywords that are case-sensitive themselves: every letter as [xX]. */
const CASELESS_SIGNAL = MOVE_SIGNAL.source.replace(/\\.|[a-z]/g, (part) => (part.length === 1 ? `[${part}${part.toUpperCase()}]` : part));
/** The params start as the rule's defaults; the phrases write the template's parameters next to them. */
const params = (recognition: Recognition<MoverGroupsReading>) => readingFields(recognition.params, MOVER_READING_DEFAULTS);
const rule = (recognition: Recognition<MoverGroupsReading>) => moverGroupsMapping(params(recognition));
/** Things a mover rule offline cannot do; named back rather than dropped. */
const unsupportedRule: Rule<MoverGroupsReading> = {
  pattern: /\b(?:slack|licen[cs]es?|mailbox(?:es)?|notify|notif\w+|tickets?|sharepoint|delay\w*|grace\s+period|wait\w*|\d+\s*days?|ap+ro+v\w*|cost\s*cent(?:er|re)s?|titles?|schedul\w*|apps?|applications?|software|salesforce(?!-)|log(?:s|ging)?|splunk|siem|audit\w*|char(?:acter)?s?|length|hr\s+(?:records?|system|data)|hris|records?|files?|managers?|cc|bcc|inform|tell|channels?|weeks?|months?|hours?|hourly|daily|nightly|(?:for\s+)?a\s+(?:day|while)|only\s+(?:do\s+this\s+|apply\s+(?:this\s+|it\s+)?)?(?:for|to)\s+(?:employees|contractors|interns)|not\s+(?:for\s+)?(?:contractors|interns|employees)|skip\s+(?:contractors|interns|employees))\b/i,
  apply(match, recognition) {
    const problem = `"${match.input}" asks for something the mover-groups template does not do`;
    if (!recognition.problems.some((known) => known.startsWith(problem))) recognition.problems.push(`${problem} (${match[0]})`);
  },
};

function finish(recognition: Recognition<MoverGroupsReading>): void {
  const draft = moverDraftOf(recognition);
  Object.assign(recognition.params, {
    departmentGroups: draft.tables.department,
    locationGroups: draft.tables.location,
    employmentTypeGroups: draft.tables.type,
    baselineGroups: draft.baseline,
    excludedGroups: draft.excluded,
  });
  const p = params(recognition);
  for (const name of ['departmentGroups', 'locationGroups', 'employmentTypeGroups', 'baselineGroups', 'excludedGroups']) recognition.stated.add(name);
  const tables = [['department', p.departmentGroups], ['location', p.locationGroups]] as const;
  if (tables.every(([, table]) => Object.keys(table).length === 0) && Object.keys(p.employmentTypeGroups).length === 0) {
    recognition.problems.push('no groups are named for any department or location: give a table, e.g. "Engineering gets GitHub-Users and VPN-Users; Sales gets CRM-Users"');
  }
  for (const [table, rows] of tables) if (Object.keys(rows).length === 0) recognition.assumptions.push(`no ${table} groups are given: a change of ${table} alone adds and removes nothing`);
  if (draft.baselineMentioned && p.baselineGroups.length === 0) recognition.assumptions.push('baseline groups are not named: only groups in the tables are ever removed, so every other group stays');
  for (const example of draft.examples) {
    const { person, previous } = placementsOf(p, example);
    const expected = expectedMove(rule(recognition), person, previous) as { add: string[]; remove: string[] };
    const sorted = (groups: string[]) => [...groups].sort().join(', ');
    const touched = [...expected.add, ...expected.remove];
    if (sorted(expected.add) !== sorted(example.add) || sorted(expected.remove) !== sorted(example.remove) || example.keep.some((group) => touched.includes(group))) {
      recognition.problems.push(`the example "${example.text}" does not follow the tables as understood (they add ${sorted(expected.add) || 'nothing'} and remove ${sorted(expected.remove) || 'nothing'})`);
    }
  }
}

/** A heading ("Locations:") holds for the rows right after it; any other clause ends it. */
const sectionEnds: Rule<MoverGroupsReading> = {
  pattern: /^(?=[\s\S])/,
  apply(match, recognition) {
    const text = match.input.trim();
    const shape = SHAPES.find(([, candidate]) => candidate.test(text))?.[0];
    if (shape !== 'table' && shape !== 'section' && shape !== 'sectionRows') moverDraftOf(recognition).section = undefined;
  },
};

const RULES: Rule<MoverGroupsReading>[] = [
  { pattern: union, apply: (match, recognition) => readRows(match[0].trim(), recognition) },
  {
    pattern: BASELINE_INSIDE,
    apply(match, recognition) {
      const draft = moverDraftOf(recognition);
      const { groups, problems } = readGroups(match.groups!.groups!);
      recognition.problems.push(...problems.filter((problem) => !recognition.problems.includes(problem)));
      draft.baselineMentioned = true;
      draft.baseline.push(...groups.filter((group) => !draft.baseline.includes(group)));
    },
  },
  {
    // "When people change departments, swap their groups: Engineering gets …", "On a move, Sales gets …": the rows after the intro.
    pattern: new RegExp(String.raw`(?<=\b(?:mov\w*|chang\w*|transfer\w*|swap\w*|updat\w*)\b[^:,]*)[:,]\s*(?=${anyShape}\s*$)(?<rest>.+)$`, 'iu'),
    apply: (match, recognition) => readRows(match.groups!.rest!.trim(), recognition),
  },
  unsupportedRule,
  outputShapeRule('mover-groups', ['add', 'remove']),
];

const VOCABULARY: RegExp[] = [/\b(?:mov(?:e|es|ed|er|ers|ing)|transfer\w*|chang(?:e|es|ed|ing)|switch(?:es|ed|ing)?|new|old|previous|former|prior|add(?:s|ed|ing)?|remov(?:e|es|ed|al|als|ing)|keep(?:s|ing)?|kept|stay(?:s)?|untouched|touch(?:ed)?|groups?|memberships?|departments?|depts?|locations?|offices?|teams?|sites?|someone|somebody|anyone|ones?|baseline|tables?|manual(?:ly)?|hand|granted|grant(?:s|ed)?|revok\w*|recalculat\w*|recomput\w*|both|placement|whatever|swap(?:s|ped)?|updat(?:e|es|ed)|moves?|event\.previous|values?|fields?|holds?|contains?|diff|vs|sorted|alphabetical\w*|manage[sd]?|everything|else|alone|leave|employment|types?|work\s+out|ever|only|ppl|take\s+away|some?one|departm\w*|come\s+from|given)\b/i];

export const moverGroupsRecognizer: FamilyRecognizer<MoverGroupsReading> = {
  family: 'mover-groups',
  keywords: [
    MOVE_SIGNAL,
    // Everything the groups family counts, counted here too when the text speaks of a move: a mover
    // requirement is also a groups requirement, and must outscore it exactly when it is about moves.
    ...[...groupsRecognizer.keywords, /\bremov(?:e|es|ed|al|als|ing)\b/i, /\bbaseline\b/i].map((keyword) => new RegExp(`(?:${keyword.source})(?=[\\s\\S]*${CASELESS_SIGNAL})|(?<=${CASELESS_SIGNAL}[\\s\\S]*)(?:${keyword.source})`, keyword.flags)),
  ],
  vocabulary: VOCABULARY,
  rules: [sectionEnds, ...RULES, strictReadingRule('mover-groups', RULES, VOCABULARY)],
  finish,
  defaults: MOVER_DEFAULTS,
  fixtures: (recognition) => mappingFixtures(rule(recognition), moveHints(params(recognition), moverDraftOf(recognition).examples), recognition.examples),
  generate: (recognition) => mappingSource(rule(recognition)),
  spec(recognition) {
    const p = params(recognition);
    const rows = (table: Record<string, string[]>) => Object.entries(table).map(([key, groups]) => `${key} → ${groups.join(', ')}`).join('; ');
    return {
      summary: `On a move, adds the groups of the new department${Object.keys(p.locationGroups).length ? ', location' : ''} and removes those of the old, never removing baseline groups${p.baselineGroups.length ? ` (${p.baselineGroups.join(', ')})` : ''}.`,
      trigger: 'user.moved',
      inputs: ['person.department', 'person.location', 'person.employmentType', 'previous.department', 'previous.location', 'previous.employmentType'],
      output: '{ add: string[], remove: string[] } (each sorted)',
      rules: [
        ...(Object.keys(p.departmentGroups).length ? [`Groups by department: ${rows(p.departmentGroups)}.`] : []),
        ...(Object.keys(p.locationGroups).length ? [`Groups by location: ${rows(p.locationGroups)}.`] : []),
        ...(Object.keys(p.employmentTypeGroups).length ? [`Groups by worker type: ${rows(p.employmentTypeGroups)}.`] : []),
        ...(Object.keys(p.excludedGroups).length ? [`Never held: ${rows(p.excludedGroups)}.`] : []),
        'Add what the new placement gives and the old did not; remove what the old gave and the new does not; a group both give stays.',
        `Baseline groups${p.baselineGroups.length ? ` (${p.baselineGroups.join(', ')})` : ''} are never removed; groups outside the tables are never touched.`,
        'Values compare case-insensitively after trimming; a field missing from previous did not change; no previous means no change.',
      ],
      edgeCases: ['a department move', 'a location move', 'a title-only move', 'no previous values', 'a case-only difference', 'a group both placements give', 'worker-type exclusions'],
      assumptions: [],
    };
  },
};
