// Reading cases from a file or a folder of files: every problem in every file is collected and reported
// with its file and JSON path, so one run shows everything to fix. Ids are unique across the whole set.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { JoineryError } from '../core/errors.ts';
import { parseCasesText, type EvalCase } from './cases-schema.ts';

const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 50;

export interface LoadedCases {
  cases: EvalCase[];
  /** The files read, as given or relative to `cwd`. */
  files: string[];
}

/** Throws JoineryError('INVALID_INPUT') listing every problem as `file: $.path: message`. */
export function loadCases({ path, cwd = process.cwd() }: { path: string; cwd?: string }): LoadedCases {
  const full = resolve(cwd, path);
  if (!existsSync(full)) throw new JoineryError('INVALID_INPUT', `the cases path "${path}" does not exist`);
  const files = statSync(full).isDirectory() ? casesFilesIn(full) : [full];
  if (files.length === 0) throw new JoineryError('INVALID_INPUT', `the folder "${path}" holds no .json cases files`);

  const shown = (file: string) => relative(cwd, file) || file;
  const problems: string[] = [];
  const cases: EvalCase[] = [];
  const firstFileOf = new Map<string, string>();
  for (const file of files) {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      problems.push(`${shown(file)}: the file is ${size} bytes; the limit is ${MAX_FILE_BYTES}`);
      continue;
    }
    const parsed = parseCasesText(readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((problem) => `${shown(file)}: ${problem.path}: ${problem.message}`));
      continue;
    }
    parsed.cases.forEach((evalCase, index) => {
      const other = firstFileOf.get(evalCase.id);
      if (other !== undefined && other !== file) problems.push(`${shown(file)}: $.cases[${index}].id: duplicate case id "${evalCase.id}": ${shown(other)} has it too`);
      firstFileOf.set(evalCase.id, file);
      const reference = evalCase.reference;
      if (reference?.source !== undefined) {
        const source = resolve(dirname(file), reference.source);
        if (!existsSync(source)) problems.push(`${shown(file)}: $.cases[${index}].reference.source: "${reference.source}" does not exist`);
        cases.push({ ...evalCase, reference: { source } });
      } else {
        cases.push(evalCase);
      }
    });
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `  ${problem}`);
    if (problems.length > MAX_PROBLEMS_SHOWN) listed.push(`  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    throw new JoineryError('INVALID_INPUT', `the cases are not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${listed.join('\n')}`, { problems });
  }
  return { cases, files: files.map(shown) };
}

/** Every .json file under the folder, sorted, so runs list cases in the same order everywhere. */
function casesFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return casesFilesIn(path);
      return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
    });
}
