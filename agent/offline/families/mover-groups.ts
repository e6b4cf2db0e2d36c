// Mover group changes: on a move of department, location or worker type, the new placement's groups are
// added and the old one's removed; baseline groups are never removed; exclusions by worker type.

import type { FamilyRecognizer, Recognition, Rule } from '../recognizer.ts';
import { MOVER_SHAPES, readGroups, readOutcome, type ShapeName } from './mover-groups-clauses.ts';
import { moverFixtures, placementsOf } from './mover-groups-fixtures.ts';
import { expectedMoverChange, type MoverGroupsParams } from './mover-groups-reference.ts';
import { classifySubject, moverDraftOf, type MoverDraft, type Table } from './mover-groups-tables.ts';

const params = (recognition: Recognition) => recognition.params as unknown as MoverGroupsParams;
const SHAPES = Object.entries(MOVER_SHAPES) as Array<[ShapeName, RegExp]>;
const union = new RegExp(`^\\s*(?:${SHAPES.map(([, shape]) => `(?:${shape.source.replace(/^\^|\$$/g, '').replace(/\(\?<\w+>/g, '(?:')})`).join('|')})\\s*$`, 'iu');
const workerType = (who: string) => who.toLowerCase().replace(/s$/, '');

function addRow(draft: MoverDraft, table: Table, name: string, groups: string[], recognition: Recognition): void {
  const known = Object.keys(draft.tables[table]).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
  draft.tables[table][known] = [...new Set([...(draft.tables[table][known] ?? []), ...groups])];
  recognition.stated.add(`${table}Groups`);
}

/** Reads one clause with the first shape that matches it. */
function readClause(text: string, recognition: Recognition): void {
  const draft = moverDraftOf(recognition);
  const [name, shape] = SHAPES.find(([, candidate]) => candidate.test(text))!;
  const groups = shape.exec(text)!.groups ?? {};
  const list = groups.groups === undefined ? { groups: [], problems: [] } : readGroups(groups.groups);
  recognition.problems.push(...list.problems);
  if (name === 'section') {
    const section = groups.section!.toLowerCase();
    draft.section = /^(?:loc|off|sit|cit)/.test(section) ? 'location' : /^(?:worker|employment)/.test(section) ? 'type' : 'department';
  } else if (name.startsWith('exclusion')) {
    const type = workerType(groups.who!);
    draft.excluded[type] = [...new Set([...(draft.excluded[type] ?? []), ...list.groups])];
  } else if (name.startsWith('baseline') || name.startsWith('never') || name === 'everyoneKeeps') {
    draft.baselineMentioned = true;
    draft.baseline.push(...list.groups.filter((group) => !draft.baseline.includes(group)));
  } else if (name === 'example') {
    const outcome = readOutcome(groups.outcome!);
    recognition.problems.push(...outcome.problems);
    draft.examples.push({ text, from: groups.from!, to: groups.to!, add: outcome.add, remove: outcome.remove });
  } else {
    const row = classifySubject(groups.subject!, draft.section, recognition.assumptions);
    if ('problem' in row) recognition.problems.push(row.problem);
    else if (row.table === 'baseline') draft.baseline.push(...list.groups.filter((group) => !draft.baseline.includes(group)));
    else addRow(draft, row.table, row.name, list.groups, recognition);
  }
}

/** Things a mover rule offline cannot do; named back rather than dropped. */
const unsupportedRule: Rule = {
  pattern: /\b(?:slack|licen[cs]es?|mailbox(?:es)?|notify|notif\w+|tickets?|sharepoint|delay\w*|grace\s+period|wait\w*|\d+\s*days?|ap+ro+v\w*|cost\s*cent(?:er|re)s?|job\s+titles?|schedul\w*)\b/i,
  apply(match, recognition) {
    const problem = `"${match.input}" asks for something the mover-groups template does not do`;
    if (!recognition.problems.some((known) => known.startsWith(problem))) recognition.problems.push(`${problem} (${match[0]})`);
  },
};

function finish(recognition: Recognition): void {
  const p = params(recognition);
  const draft = moverDraftOf(recognition);
  p.departmentGroups = draft.tables.department;
  p.locationGroups = draft.tables.location;
  p.employmentTypeGroups = draft.tables.type;
  p.baselineGroups = draft.baseline;
  p.excludedGroups = draft.excluded;
  for (const name of ['departmentGroups', 'locationGroups', 'employmentTypeGroups', 'baselineGroups', 'excludedGroups']) recognition.stated.add(name);
  const tables = [['department', p.departmentGroups], ['location', p.locationGroups]] as const;
  if (tables.every(([, table]) => Object.keys(table).length === 0) && Object.keys(p.employmentTypeGroups).length === 0) {
    recognition.problems.push('no groups are named for any department or location: give a table, e.g. "Engineering gets GitHub-Users and VPN-Users; Sales gets CRM-Users"');
  }
  for (const [table, rows] of tables) if (Object.keys(rows).length === 0) recognition.assumptions.push(`no ${table} groups are given: a change of ${table} alone adds and removes nothing`);
  if (draft.baselineMentioned && p.baselineGroups.length === 0) recognition.assumptions.push('baseline groups are not named: only groups in the tables are ever removed, so every other group stays');
  for (const example of draft.examples) {
    const { person, previous } = placementsOf(p, example);
    const expected = expectedMoverChange(p, person, previous);
    const sorted = (groups: string[]) => [...groups].sort().join(', ');
    if (sorted(expected.add) !== sorted(example.add) || sorted(expected.remove) !== sorted(example.remove)) {
      recognition.problems.push(`the example "${example.text}" does not follow the tables as understood (they add ${sorted(expected.add) || 'nothing'} and remove ${sorted(expected.remove) || 'nothing'})`);
    }
  }
}

export const moverGroupsRecognizer: FamilyRecognizer = {
  family: 'mover-groups',
  keywords: [/\bmov(?:e|es|ed|er|ers|ing)\b/i, /\btransfer\w*/i, /\bchang(?:e|es|ed|ing)\s+(?:their\s+|the\s+|of\s+)?(?:department|team|location|office|role|job)s?\b/i, /\b(?:old|previous|former|prior)\s+(?:department|location|office|team|groups?|ones)\b/i, /\bremov(?:e|es|ed|al|als|ing)\b/i, /\bbaseline\b/i],
  vocabulary: [/\b(?:mov(?:e|es|ed|er|ers|ing)|transfer\w*|chang(?:e|es|ed|ing)|switch(?:es|ed|ing)?|new|old|previous|former|prior|add(?:s|ed|ing)?|remov(?:e|es|ed|al|als|ing)|keep(?:s|ing)?|kept|stay(?:s)?|untouched|touch(?:ed)?|groups?|memberships?|departments?|depts?|locations?|offices?|teams?|sites?|someone|somebody|anyone|ones?|baseline|tables?|manual(?:ly)?|hand|granted|grant(?:s|ed)?|revok\w*|recalculat\w*|recomput\w*|both|placement|whatever)\b/gi],
  rules: [{ pattern: union, apply: (match, recognition) => readClause(match[0].trim(), recognition) }, unsupportedRule],
  finish,
  fixtures: (recognition) => moverFixtures(params(recognition), moverDraftOf(recognition).examples),
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
