// A run over one or more case sets: every set's cases and baseline are read before anything is authored
// (a broken file costs nothing), then each set is run and compared with its own baseline, so the report
// can say how the author did on the project's cases and on the fresh ones separately.

import { relative, resolve } from 'node:path';
import type { Toolchain } from '../core/pipeline/index.ts';
import { JoineryError } from '../core/errors.ts';
import { compareToBaseline, readBaseline, type Baseline, type BaselineComparison } from './baseline.ts';
import type { CaseAuthor } from './case-author.ts';
import type { CaseSet } from './case-sets.ts';
import type { EvalCase } from './cases-schema.ts';
import { loadCases } from './load-cases.ts';
import { runEvals, type EvalProgress, type EvalRun } from './run-evals.ts';

export interface LoadedSet {
  set: CaseSet;
  /** The cases path as shown to people (relative to the working directory). */
  source: string;
  cases: EvalCase[];
  /** Undefined when the set has no baseline file (yet). */
  baseline?: Baseline;
}

export interface SetRun {
  set: string;
  source: string;
  baselinePath?: string;
  /** The baseline path as shown to people. */
  baselineFile?: string;
  run: EvalRun;
  /** Undefined when there is no baseline entry for the run's provider. */
  comparison?: BaselineComparison;
}

/** Throws INVALID_INPUT for invalid cases or baselines, an id in two sets, or --only ids no set holds. */
export function loadCaseSets({ sets, cwd, only }: { sets: CaseSet[]; cwd: string; only?: string[] }): LoadedSet[] {
  const loaded = sets.map((set) => ({
    set,
    source: shownPath(cwd, set.casesPath),
    cases: loadCases({ path: set.casesPath, cwd }).cases,
    ...(set.baselinePath === undefined ? {} : { baseline: readBaseline(set.baselinePath) }),
  }));
  const setOf = new Map<string, string>();
  for (const { set, cases } of loaded) {
    for (const { id } of cases) {
      const other = setOf.get(id);
      if (other !== undefined) {
        throw new JoineryError('INVALID_INPUT', `case id "${id}" is in both the ${other} and the ${set.name} set: ids must be unique across sets`);
      }
      setOf.set(id, set.name);
    }
  }
  if (only === undefined) return loaded;
  const unknown = only.filter((id) => !setOf.has(id));
  if (unknown.length > 0) throw new JoineryError('INVALID_INPUT', `--only names unknown case${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`);
  return loaded
    .map((entry) => ({ ...entry, cases: entry.cases.filter((evalCase) => only.includes(evalCase.id)) }))
    .filter((entry) => entry.cases.length > 0);
}

export interface RunCaseSetsOptions {
  loaded: LoadedSet[];
  author: CaseAuthor;
  toolchain: Toolchain;
  /** Part of the cases ran (--only): shares are not compared, regressions among the cases run still are. */
  partial: boolean;
  /** Paths are shown relative to it. */
  cwd: string;
  onSetStart?: (set: LoadedSet) => void;
  onProgress?: (progress: EvalProgress, set: LoadedSet) => void;
}

export async function runCaseSets(options: RunCaseSetsOptions): Promise<SetRun[]> {
  const { loaded, author, toolchain, partial, cwd, onSetStart = () => {}, onProgress = () => {} } = options;
  const results: SetRun[] = [];
  for (const entry of loaded) {
    onSetStart(entry);
    const run = await runEvals({ cases: entry.cases, author, toolchain, onProgress: (progress) => onProgress(progress, entry) });
    const baselineEntry = entry.baseline?.providers[run.provider];
    results.push({
      set: entry.set.name,
      source: entry.source,
      run,
      ...(entry.set.baselinePath === undefined ? {} : { baselinePath: entry.set.baselinePath, baselineFile: shownPath(cwd, entry.set.baselinePath) }),
      ...(baselineEntry === undefined ? {} : { comparison: compareToBaseline({ run, entry: baselineEntry, partial }) }),
    });
  }
  return results;
}

export function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, resolve(cwd, path));
  return shown === '' ? '.' : shown;
}
