// Renderings shared by the markdown report and the terminal: numbers, and the rows and lines `joinery
// eval` prints (the CLI lays the rows out with its own table helper).

import type { BaselineComparison } from './baseline.ts';
import type { EvalProgress, EvalRun } from './run-evals.ts';
import type { SetRun } from './run-sets.ts';
import type { CaseScore } from './score.ts';

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

export function dollars(costUsd: number): string {
  return `$${costUsd.toFixed(4)}`;
}

export function fixtureCell(score: CaseScore): string {
  return `${score.hidden.passed}/${score.hidden.total}`;
}

/** The first line of a long reason, cut to `limit` characters. */
export function shortReason(reason: string, limit = 100): string {
  const line = reason.split('\n').find((text) => text.trim() !== '')?.trim() ?? '';
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** A case id, with † when the offline author is not expected to solve it. */
export function caseLabel(score: CaseScore): string {
  return `${score.id}${score.offline ? '' : ' †'}`;
}

export const CASE_COLUMNS = ['case', 'family', 'outcome', 'hidden', 'turns', 'tokens', 'cost', 'time', 'stop'];
export const FAMILY_COLUMNS = ['family', 'cases', 'solved', 'share', 'fixtures', 'wrong', 'tokens', 'cost'];
export const SET_COLUMNS = ['set', 'cases', 'solved', 'share', 'fixtures', 'wrong', 'unfinished', 'no-function', 'baseline'];

export function caseRows(run: EvalRun): string[][] {
  return run.cases.map((score) => [caseLabel(score), score.family, score.outcome, fixtureCell(score), String(score.turns), String(score.tokens), dollars(score.costUsd), seconds(score.wallMs), score.author.stop]);
}

export function familyRows(run: EvalRun): string[][] {
  return run.families.map((family) => [family.family, String(family.cases), String(family.solved), percent(family.solvedShare), percent(family.fixtureShare), String(family.wrong), String(family.tokens), dollars(family.costUsd)]);
}

/** `[ 3/54] ✗ username-typos no-function 0/4 (1 turns, 0.0 s)  gave-up: …` once a case is scored. */
export function progressLine(event: EvalProgress): string {
  const counter = `[${String(event.index).padStart(String(event.total).length)}/${event.total}]`;
  const { score } = event;
  if (!score) return `${counter} ${event.caseId}: ${event.message}`;
  const why = score.solved ? '' : `  ${score.author.stop}: ${shortReason(score.author.reason, 90)}`;
  return `${counter} ${score.solved ? '✓' : '✗'} ${score.id} ${score.outcome} ${fixtureCell(score)} (${score.turns} turns, ${seconds(score.wallMs)})${why}`;
}

export function totalsLine(run: EvalRun): string {
  const { totals } = run;
  return `${totals.solved} of ${totals.cases} solved (${percent(totals.solvedShare)}), hidden fixtures ${percent(totals.fixtureShare)}; ${totals.wrong} wrong; ${totals.tokens} tokens, ${dollars(totals.costUsd)}, ${seconds(totals.wallMs)} (${run.provider}, ${run.model}; † = not expected offline)`;
}

export function comparisonLine(comparison: BaselineComparison): string {
  const share = comparison.shareCompared ? `solved share ${percent(comparison.currentShare)} vs baseline ${percent(comparison.baselineShare)}` : 'solved share not compared (--only)';
  return `${comparison.failed ? '✗' : '✓'} baseline: ${share}; regressions: ${comparison.regressions.join(', ') || 'none'}; newly solved: ${comparison.newlySolved.join(', ') || 'none'}`;
}

/** One row per case set: the outcomes that matter for comparing sets, and how each fared against its own baseline. */
export function setRows(sets: SetRun[]): string[][] {
  return sets.map(({ set, run: { totals }, comparison }) => [
    set,
    String(totals.cases),
    String(totals.solved),
    percent(totals.solvedShare),
    percent(totals.fixtureShare),
    String(totals.wrong),
    String(totals.unfinished),
    String(totals.noFunction),
    baselineCell(comparison),
  ]);
}

/** `✓ 45.0 %` (the baseline's share, passed), `✗ 80.4 %` (failed), or `none`. */
function baselineCell(comparison: BaselineComparison | undefined): string {
  if (comparison === undefined) return 'none';
  return `${comparison.failed ? '✗' : '✓'} ${comparison.shareCompared ? percent(comparison.baselineShare) : 'subset'}`;
}
