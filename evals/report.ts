// The markdown report of a run: the headline, the comparison with the baseline, tables by family and by
// case, then what went wrong in each unsolved case, so a reviewer can act without re-running anything.
// A run over several case sets starts with one row per set, then gives each set these sections.

import type { BaselineComparison } from './baseline.ts';
import { caseLabel, dollars, fixtureCell, percent, seconds, setRows } from './format.ts';
import type { SetRun } from './run-sets.ts';
import type { CaseScore } from './score.ts';
import { totalsOf } from './summarize.ts';

const MAX_REASON_CHARS = 1200;
const MAX_FAILED_SHOWN = 5;

export function renderReport({ sets }: { sets: SetRun[] }): string {
  const first = sets[0];
  if (first === undefined) throw new Error('renderReport needs at least one case set');
  const { provider, model } = first.run;
  if (sets.length === 1) return [`# Joinery eval: ${provider} (${model})`, '', ...setSections(first, '#')].join('\n');
  const totals = totalsOf(sets.flatMap((entry) => entry.run.cases));
  return [
    `# Joinery eval: ${provider} (${model})`,
    '',
    `${sets.length} case sets, each compared with its own baseline. ` +
      `**All sets: ${totals.solved} of ${totals.cases} cases solved (${percent(totals.solvedShare)})**, ${totals.wrong} wrong.`,
    '',
    '## By set',
    '',
    row(['set', 'cases', 'solved', 'solved share', 'fixtures passed', 'wrong', 'unfinished', 'no-function', 'baseline']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']),
    ...setRows(sets).map(row),
    '',
    ...sets.flatMap((entry) => [`## Set: ${entry.set}`, '', ...setSections(entry, '##')]),
  ].join('\n');
}

/** One set's headline, baseline comparison, tables and unsolved cases, its headings one level below `level`. */
function setSections({ run, comparison, source }: SetRun, level: string): string[] {
  const { totals } = run;
  const heading = `${level}#`;
  return [
    `Cases: \`${source}\`. **${totals.solved} of ${totals.cases} cases solved (${percent(totals.solvedShare)})**; ` +
      `hidden fixtures passed ${percent(totals.fixtureShare)} on average. ${totals.wrong} wrong, ${totals.unfinished} unfinished, ` +
      `${totals.noFunction} without a function. ${totals.turns} turns, ${totals.tokens} tokens, ${dollars(totals.costUsd)}, ${seconds(totals.wallMs)}.`,
    '',
    'Outcomes: **solved** = the author finished and every hidden fixture passes; **wrong** = the author said it was done but a hidden ' +
      'fixture fails; **unfinished** = the author stopped without finishing (its draft is still judged); **no-function** = nothing was written.',
    '',
    ...comparisonSection(comparison, heading),
    `${heading} By family`,
    '',
    row(['family', 'cases', 'solved', 'solved share', 'fixtures passed', 'wrong', 'turns', 'tokens', 'cost']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...run.families.map((family) =>
      row([
        family.family,
        String(family.cases),
        String(family.solved),
        percent(family.solvedShare),
        percent(family.fixtureShare),
        String(family.wrong),
        String(family.turns),
        String(family.tokens),
        dollars(family.costUsd),
      ]),
    ),
    '',
    `${heading} By case`,
    '',
    'Cases marked † are not expected of the offline author (`"offline": false`).',
    '',
    row(['case', 'family', 'outcome', 'hidden fixtures', 'turns', 'tokens', 'cost', 'time', 'author stop']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---']),
    ...run.cases.map((score) =>
      row([caseLabel(score), score.family, score.outcome, fixtureCell(score), String(score.turns), String(score.tokens), dollars(score.costUsd), seconds(score.wallMs), score.author.stop]),
    ),
    '',
    ...detailsSection(run.cases.filter((score) => !score.solved), heading),
  ];
}

function comparisonSection(comparison: BaselineComparison | undefined, heading: string): string[] {
  if (comparison === undefined) return [];
  const share = comparison.shareCompared
    ? `Solved share ${percent(comparison.currentShare)} against the baseline's ${percent(comparison.baselineShare)}${comparison.shareDropped ? ': **it dropped**' : ''}.`
    : 'Only part of the cases ran, so the solved share was not compared.';
  const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.map((id) => `\`${id}\``).join(', '));
  return [
    `${heading} Against the baseline (${comparison.failed ? 'FAILED' : 'passed'})`,
    '',
    `- ${share}`,
    `- Regressions (solved in the baseline, not now): ${list(comparison.regressions)}`,
    `- Newly solved: ${list(comparison.newlySolved)}${comparison.newlySolved.length > 0 ? ' (run with --update-baseline and commit evals/baseline.json to keep them)' : ''}`,
    ...(comparison.notRun.length > 0 ? [`- Baseline cases not run: ${list(comparison.notRun)}`] : []),
    '',
  ];
}

function detailsSection(unsolved: CaseScore[], heading: string): string[] {
  if (unsolved.length === 0) return [];
  return [`${heading} Unsolved cases`, '', ...unsolved.flatMap((score) => caseDetails(score, `${heading}#`))];
}

function caseDetails(score: CaseScore, heading: string): string[] {
  const reason = score.author.reason.length > MAX_REASON_CHARS ? `${score.author.reason.slice(0, MAX_REASON_CHARS)}…` : score.author.reason;
  const failed = score.failed.slice(0, MAX_FAILED_SHOWN).flatMap((failure) => [`- ✗ ${failure.test}`, ...failure.failures.map((line) => `  - ${line.replace(/\n/g, ' ')}`)]);
  if (score.failed.length > MAX_FAILED_SHOWN) failed.push(`- … and ${score.failed.length - MAX_FAILED_SHOWN} more failed fixtures`);
  return [
    `${heading} ${score.id}: ${score.outcome}${score.offline ? '' : ' †'}`,
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
