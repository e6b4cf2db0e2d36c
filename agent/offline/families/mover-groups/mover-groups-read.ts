// Reading the mover-groups clauses: each clause with the first shape that matches it (a table row, a
// heading, a baseline, an exclusion, a worked example), and the rows a clause or a heading holds.

import type { Recognition } from '../../recognizer.ts';
import { MOVER_SHAPES, readGroups, readOutcome, type ShapeName } from './mover-groups-clauses.ts';
import { classifySubject, moverDraftOf, type MoverDraft, type Table } from './mover-groups-tables.ts';

export const SHAPES = Object.entries(MOVER_SHAPES) as Array<[ShapeName, RegExp]>;
export const anyShape = `(?:${SHAPES.map(([, shape]) => `(?:${shape.source.replace(/^\^|\$$/g, '').replace(/\(\?<\w+>/g, '(?:')})`).join('|')})`;
/** Matches a clause any shape reads; the analyser also tries it on the clause padded with spaces. */
export const union = new RegExp(`^\\s*${anyShape}\\s*$`, 'iu');
const workerType = (who: string) => who.toLowerCase().replace(/s$/, '');

function addRow(draft: MoverDraft, table: Table, name: string, groups: string[], recognition: Recognition): void {
  const known = Object.keys(draft.tables[table]).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
  draft.tables[table][known] = [...new Set([...(draft.tables[table][known] ?? []), ...groups])];
  recognition.stated.add(`${table}Groups`);
}

/** "Engineering: GitHub-Users, Sales: CRM-Users" holds two rows; each is read on its own. */
export function readRows(text: string, recognition: Recognition): void {
  const rows = text.split(/\s*[,;]\s*(?:and\s+)?(?=(?:[\p{L}][^\s,:]*\s+){0,3}?(?:gets?|receives?|→|->|=)\s|[\p{L}][^\s,:]*(?:\s+[\p{L}][^\s,:]*){0,2}\s*:\s)/u);
  if (rows.length > 1 && rows.every((row) => MOVER_SHAPES.table.test(row))) rows.forEach((row) => readClause(row, recognition));
  else readClause(text, recognition);
}

function sectionOf(heading: string): Table {
  const section = heading.toLowerCase();
  return /^(?:loc|off|sit|cit)/.test(section) ? 'location' : /^(?:worker|employment)/.test(section) ? 'type' : 'department';
}

/** Reads one clause with the first shape that matches it. */
function readClause(text: string, recognition: Recognition): void {
  const draft = moverDraftOf(recognition);
  const found = SHAPES.find(([, candidate]) => candidate.test(text));
  if (!found) {
    recognition.problems.push(`could not read "${text}" as a group row`);
    return;
  }
  const [name, shape] = found;
  const groups = shape.exec(text)!.groups ?? {};
  const list = groups.groups === undefined ? { groups: [], problems: [] } : readGroups(groups.groups);
  recognition.problems.push(...list.problems);
  if (name === 'sectionRows') {
    draft.section = sectionOf(groups.section!);
    const rows = groups.rows!.trim();
    if (union.test(rows)) readRows(rows, recognition);
    else recognition.problems.push(`"${text}": could not read "${rows}" as group rows`);
  } else if (name === 'section') {
    draft.section = sectionOf(groups.section!);
  } else if (name.startsWith('exclusion')) {
    const type = workerType(groups.who!);
    draft.excluded[type] = [...new Set([...(draft.excluded[type] ?? []), ...list.groups])];
  } else if (name.startsWith('baseline') || name.startsWith('never') || ['everyoneKeeps', 'nobodyLoses', 'keepAlways'].includes(name)) {
    draft.baselineMentioned = true;
    draft.baseline.push(...list.groups.filter((group) => !draft.baseline.includes(group)));
  } else if (name === 'example') {
    const outcome = readOutcome(groups.outcome!);
    recognition.problems.push(...outcome.problems);
    draft.examples.push({ text, from: groups.from!, to: groups.to!, add: outcome.add, remove: outcome.remove, keep: outcome.keep });
  } else {
    const row = classifySubject(groups.subject!, draft.section, recognition.assumptions);
    if ('problem' in row) recognition.problems.push(row.problem);
    else if (row.table === 'baseline') draft.baseline.push(...list.groups.filter((group) => !draft.baseline.includes(group)));
    else addRow(draft, row.table, row.name, list.groups, recognition);
  }
}
