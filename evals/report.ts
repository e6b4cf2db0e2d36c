// The markdown report of a run: the headline, the comparison with the baseline, tables by family and by
// case, then what went wrong in each unsolved case, so a reviewer can act without re-running anything.

import type { BaselineComparison } from './baseline.ts';
import { caseLabel, dollars, fixtureCell, percent, seconds } from './format.ts';
import type { EvalRun } from './run-evals.ts';
import type { CaseScore } from './score.ts';

const MAX_REASON_CHARS = 1200;
const MAX_FAILED_SHOWN = 5;

export function renderReport({ run, comparison, casesSource }: { run: EvalRun; comparison?: BaselineComparison; casesSource: string }): string {
  const { totals } = run;
  return [
    `# Joinery eval: ${run.provider} (${run.model})`,
    '',
    `Cases: \`${casesSource}\`. **${totals.solved} of ${totals.cases} cases solved (${percent(totals.solvedShare)})**; ` +
      `hidden fixtures passed ${percent(totals.fixtureShare)} on average. ${totals.wrong} wrong, ${totals.unfinished} unfinished, ` +
      `${totals.noFunction} without a function. ${totals.turns} turns, ${totals.tokens} tokens, ` +
      `${dollars(totals.costUsd, run.provider)}, ${seconds(totals.wallMs)}.`,
    '',
    'Outcomes: **solved** = the author finished and every hidden fixture passes; **wrong** = the author said it was done but a hidden ' +
      'fixture fails; **unfinished** = the author stopped without finishing (its draft is still judged); **no-function** = nothing was written.',
    '',
    ...comparisonSection(comparison),
    '## By family',
    '',
    row(['family', 'cases', 'solved', 'solved share', 'fixtures passed', 'wrong', 'turns', 'tokens', 'cost']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...run.families.map((family) =>
      row([family.family, String(family.cases), String(family.solved), percent(family.solvedShare), percent(family.fixtureShare), String(family.wrong), String(family.turns), String(family.tokens), dollars(family.costUsd, run.provider)]),
    ),
    '',
    '## By case',
    '',
    'Cases marked † are not expected of the offline author (`"offline": false`).',
    '',
    row(['case', 'family', 'outcome', 'hidden fixtures', 'turns', 'tokens', 'cost', 'time', 'author stop']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---']),
    ...run.cases.map((score) =>
      row([caseLabel(score), score.family, score.outcome, fixtureCell(score), String(score.turns), String(score.tokens), dollars(score.costUsd, run.provider), seconds(score.wallMs), score.author.stop]),
    ),
    '',
    ...detailsSection(run.cases.filter((score) => !score.solved)),
  ].join('\n');
}

function comparisonSection(comparison: BaselineComparison | undefined): string[] {
  if (comparison === undefined) return [];
  const share = comparison.shareCompared
    ? `Solved share ${percent(comparison.currentShare)} against the baseline's ${percent(comparison.baselineShare)}${comparison.shareDropped ? ': **it dropped**' : ''}.`
    : 'Only part of the cases ran, so the solved share was not compared.';
  const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.map((id) => `\`${id}\``).join(', '));
  return [
    `## Against the baseline (${comparison.failed ? 'FAILED' : 'passed'})`,
    '',
    `- ${share}`,
    `- Regressions (solved in the baseline, not now): ${list(comparison.regressions)}`,
    `- Newly solved: ${list(comparison.newlySolved)}${comparison.newlySolved.length > 0 ? ' (run with --update-baseline and commit evals/baseline.json to keep them)' : ''}`,
    ...(comparison.notRun.length > 0 ? [`- Baseline cases not run: ${list(comparison.notRun)}`] : []),
    '',
  ];
}

function detailsSection(unsolved: CaseScore[]): string[] {
  if (unsolved.length === 0) return [];
  return ['## Unsolved cases', '', ...unsolved.flatMap(caseDetails)];
}

function caseDetails(score: CaseScore): string[] {
  const reason = score.author.reason.length > MAX_REASON_CHARS ? `${score.author.reason.slice(0, MAX_REASON_CHARS)}…` : score.author.reason;
  const failed = score.failed.slice(0, MAX_FAILED_SHOWN).flatMap((failure) => [`- ✗ ${failure.test}`, ...failure.failures.map((line) => `  - ${line.replace(/\n/g, ' ')}`)]);
  if (score.failed.length > MAX_FAILED_SHOWN) failed.push(`- … and ${score.failed.length - MAX_FAILED_SHOWN} more failed fixtures`);
  return [
    `### ${score.id}: ${score.outcome}${score.offline ? '' : ' †'}`,
    '',
    `Author stopped: ${score.author.stop}. Hidden fixtures passed: ${fixtureCell(score)}.`,
    '',
    '~~~text',
    reason,
    '~~~',
    '',
    ...(score.checkProblems.length > 0 ? ['The function did not pass its check:', '', ...score.checkProblems.map((problem) => `- ${problem}`), ''] : []),
    ...(failed.length > 0 ? ['Hidden fixtures failed:', '', ...failed, ''] : []),
  ];
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}
