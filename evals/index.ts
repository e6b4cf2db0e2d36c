// The eval suite: cases (requirements with hidden fixtures), the runner that authors and judges them, the
// scores, the baseline and the report. `joinery eval` (cli/commands/eval.ts) composes these.

export { parseCases, parseCasesText, type CaseReference, type CasesProblem, type EvalCase, type ParseCasesResult } from './cases-schema.ts';
export { loadCases, type LoadedCases } from './load-cases.ts';
export { createModelAuthor, createReferenceAuthor, type CaseAuthor } from './case-author.ts';
export { judgeSource, type Judgement } from './judge.ts';
export { scoreCase, type AuthoredCase, type CaseOutcome, type CaseScore, type HiddenFailure } from './score.ts';
export { totalsByFamily, totalsOf, type FamilyTotals, type ScoreTotals } from './summarize.ts';
export { runEvals, type EvalProgress, type EvalRun, type RunEvalsOptions } from './run-evals.ts';
export {
  CASE_SET_CHOICES,
  FRESH_BASELINE_PATH,
  FRESH_CASES_DIR,
  PROJECT_BASELINE_PATH,
  PROJECT_CASES_DIR,
  projectEvalsFolder,
  resolveCaseSets,
  type CaseSet,
} from './case-sets.ts';
export { runJson } from './run-json.ts';
export { loadCaseSets, runCaseSets, shownPath, type LoadedSet, type RunCaseSetsOptions, type SetRun } from './run-sets.ts';
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
  SET_COLUMNS,
  setRows,
  shortReason,
  totalsLine,
} from './format.ts';

