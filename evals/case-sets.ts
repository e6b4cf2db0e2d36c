// The project's case sets, each scored and compared with its own baseline. `project` holds the cases the
// offline author was built against; `fresh` holds requirements written later without looking at how it
// reads sentences, so its score says how the author does on requirements it has never seen. Reporting
// them apart keeps a gain on one from hiding a loss on the other.

import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JoineryError } from '../core/errors.ts';

export interface CaseSet {
  /** "project", "fresh", or "cases" for a file or folder given with --cases. */
  name: string;
  /** A cases file or a folder of them. */
  casesPath: string;
  /** The baseline this set is compared with and `--update-baseline` writes; none for --cases without --baseline. */
  baselinePath?: string;
}

/**
 * The evals folder the project's sets live in. The compiled CLI runs from dist/evals/, where the build
 * copied the cases and baselines; in a checkout (dist/ beside evals/) the sources' folder is used, so
 * `--update-baseline` rewrites the committed baseline files rather than dist/'s copies of them.
 */
export function projectEvalsFolder(moduleFolder: string): string {
  const parent = dirname(moduleFolder);
  const sources = join(dirname(parent), 'evals');
  return basename(parent) === 'dist' && existsSync(join(sources, 'cases')) ? sources : moduleFolder;
}

const EVALS_FOLDER = projectEvalsFolder(fileURLToPath(new URL('.', import.meta.url)));
/** The project's own cases and baseline, wherever Joinery is run from. */
export const PROJECT_CASES_DIR = join(EVALS_FOLDER, 'cases');
export const PROJECT_BASELINE_PATH = join(EVALS_FOLDER, 'baseline.json');
/** Requirements the author was not tuned on; their baseline sits beside the project's (not in fresh/, where every .json is a cases file). */
export const FRESH_CASES_DIR = join(EVALS_FOLDER, 'fresh');
export const FRESH_BASELINE_PATH = join(EVALS_FOLDER, 'baseline-fresh.json');

const PROJECT_SETS: CaseSet[] = [
  { name: 'project', casesPath: PROJECT_CASES_DIR, baselinePath: PROJECT_BASELINE_PATH },
  { name: 'fresh', casesPath: FRESH_CASES_DIR, baselinePath: FRESH_BASELINE_PATH },
];

/** The values --set accepts: one of the project's sets, or all of them. */
export const CASE_SET_CHOICES = [...PROJECT_SETS.map((set) => set.name), 'all'];

/**
 * The sets a run scores. Without --cases: the project's sets named by `set` (default all), a single one
 * optionally compared with `baseline` instead of its own. With --cases: that file or folder alone, as the
 * set "cases", compared only with an explicit `baseline`. Throws INVALID_INPUT for a bad combination.
 */
export function resolveCaseSets({ set, cases, baseline }: { set?: string; cases?: string; baseline?: string }): CaseSet[] {
  if (cases !== undefined) {
    if (set !== undefined) throw new JoineryError('INVALID_INPUT', '--set picks among the project\'s case sets; it does not go with --cases <file-or-dir>');
    return [{ name: 'cases', casesPath: cases, ...(baseline === undefined ? {} : { baselinePath: baseline }) }];
  }
  const chosen = set ?? 'all';
  if (!CASE_SET_CHOICES.includes(chosen)) {
    throw new JoineryError('INVALID_INPUT', `unknown case set "${chosen}" for --set: use ${CASE_SET_CHOICES.join(', ')}`);
  }
  const sets = chosen === 'all' ? PROJECT_SETS : PROJECT_SETS.filter((candidate) => candidate.name === chosen);
  if (baseline === undefined) return sets;
  if (sets.length > 1) {
    throw new JoineryError('INVALID_INPUT', '--baseline names one file, but --set all has one baseline per set: add --set project or --set fresh');
  }
  return sets.map((candidate) => ({ ...candidate, baselinePath: baseline }));
}
