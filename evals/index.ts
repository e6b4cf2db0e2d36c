// The eval suite: cases (requirements with hidden fixtures), the runner that authors and judges them, the
// scores, the baseline and the report. `joinery eval` (cli/commands/eval.ts) composes these.

import { fileURLToPath } from 'node:url';

export { parseCases, parseCasesText, type CaseReference, type CasesProblem, type EvalCase, type ParseCasesResult } from './cases-schema.ts';
export { loadCases, type LoadedCases } from './load-cases.ts';
export { createModelAuthor, createReferenceAuthor, type CaseAuthor } from './case-author.ts';
export { judgeSource, type Judgement } from './judge.ts';
export { scoreCase, type AuthoredCase, type CaseOutcome, type CaseScore, type HiddenFailure } from './score.ts';
export { totalsByFamily, totalsOf, type FamilyTotals, type ScoreTotals } from './summarize.ts';
export { runEvals, type EvalProgress, type EvalRun, type RunEvalsOptions } from './run-evals.ts';
export {
  baselineEntryOf,
  compareToBaseline,
  readBaseline,
  roundShare,
  updateBaseline,
  type Baseline,
  type BaselineComparison,
  type BaselineEntry,
} from './baseline.ts';
export { renderReport } from './report.ts';
export {
  CASE_COLUMNS,
  caseLabel,
  caseRows,
  comparisonLine,
  dollars,
  FAMILY_COLUMNS,
  familyRows,
  fixtureCell,
  percent,
  progressLine,
  seconds,
  shortReason,
  totalsLine,
} from './format.ts';

/** The project's own cases and baseline, wherever Joinery is run from. */
export const PROJECT_CASES_DIR = fileURLToPath(new URL('./cases', import.meta.url));
export const PROJECT_BASELINE_PATH = fileURLToPath(new URL('./baseline.json', import.meta.url));
