import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadTemplates, selectModel } from '../../agent/index.ts';
import { JoineryError } from '../../core/errors.ts';
import {
  CASE_COLUMNS,
  CASE_SET_CHOICES,
  caseRows,
  comparisonLine,
  createModelAuthor,
  createReferenceAuthor,
  FAMILY_COLUMNS,
  familyRows,
  loadCaseSets,
  progressLine,
  renderReport,
  resolveCaseSets,
  runCaseSets,
  runJson,
  SET_COLUMNS,
  setRows,
  shownPath,
  totalsLine,
  updateBaseline,
  type CaseAuthor,
  type SetRun,
} from '../../evals/index.ts';
import type { Command } from '../command.ts';
import type { Output } from '../output.ts';
import { createProgress } from '../progress.ts';
import { templatesDir } from '../paths.ts';
import { table } from '../table.ts';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score the author on requirements with hidden fixtures, against the committed baseline',
  usage: [
    'Usage: joinery eval [--provider offline|anthropic|scripted|reference] [--set project|fresh|all] [--cases <file-or-dir>]',
    '                    [--only <id,...>] [--report <file.md>] [--baseline <file>] [--update-baseline] [--max-turns <n>] [--json]',
    '',
    '  --provider <p>      offline (default), anthropic (Claude; needs ANTHROPIC_API_KEY, JOINERY_MODEL picks the',
    '                      model), scripted (JOINERY_SCRIPT), or reference (each case\'s known-correct solution:',
    '                      checks the hidden fixtures themselves)',
    `  --set <name>        the project's case sets to score: ${CASE_SET_CHOICES.join(', ')} (default all). project is`,
    '                      evals/cases, fresh is evals/fresh (requirements the author was not tuned on); each set',
    '                      is reported and compared with its own baseline',
    '  --cases <path>      score this cases file or folder instead of the project\'s sets',
    '  --only <ids>        run only these case ids (comma-separated); the solved share is then not compared',
    '  --report <file.md>  also write a markdown report',
    '  --baseline <file>   compare with this baseline (needs a single set: --cases, or --set project|fresh)',
    '  --update-baseline   write this run\'s score as the provider\'s baseline of each set (exit 0 even if it dropped)',
    '',
    'Each case is authored from its requirement alone, then judged with its hidden fixtures. Exit 1 when',
    'a set\'s solved share is below its baseline\'s or a case its baseline solved is no longer solved; 2 when',
    'the cases or options are invalid. Progress goes to stderr.',
  ].join('\n'),
  options: {
    provider: { type: 'string' },
    set: { type: 'string' },
    cases: { type: 'string' },
    only: { type: 'string' },
    report: { type: 'string' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'max-turns': { type: 'string' },
  },
  async run({ positionals, values }, context, output) {
    if (positionals.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected argument "${positionals[0]}"; give cases with --cases <file-or-dir>`);
    const provider = typeof values.provider === 'string' ? values.provider : 'offline';
    const maxTurns = values['max-turns'] === undefined ? undefined : Number(values['max-turns']);
    if (maxTurns !== undefined && (!Number.isInteger(maxTurns) || maxTurns < 1 || maxTurns > 50)) throw new JoineryError('INVALID_INPUT', '--max-turns must be a whole number from 1 to 50');
    const update = Boolean(values['update-baseline']);
    const only = typeof values.only === 'string' ? values.only.split(',').map((id) => id.trim()).filter(Boolean) : undefined;

    // 1. The sets, their cases and their baselines, all checked before anything runs.
    const sets = resolveCaseSets({
      ...(typeof values.set === 'string' ? { set: values.set } : {}),
      ...(typeof values.cases === 'string' ? { cases: values.cases } : {}),
      ...(typeof values.baseline === 'string' ? { baseline: resolve(context.cwd, values.baseline) } : {}),
    });
    if (update && only !== undefined) throw new JoineryError('INVALID_INPUT', '--update-baseline needs every case: drop --only');
    if (update && sets.some((set) => set.baselinePath === undefined)) throw new JoineryError('INVALID_INPUT', '--update-baseline with your own --cases needs --baseline <file>');
    if (update && provider === 'reference') throw new JoineryError('INVALID_INPUT', 'the reference provider checks the cases; it has no baseline to update');
    const loaded = loadCaseSets({ sets, cwd: context.cwd, ...(only === undefined ? {} : { only }) });

    // 2. The author and the one toolchain for the whole run.
    const templates = loadTemplates(templatesDir());
    const toolchain = await context.toolchain();
    let close = async () => {};
    let author: CaseAuthor;
    if (provider === 'reference') {
      author = createReferenceAuthor({ templates });
    } else {
      const model = await selectModel({ provider, env: context.env, templates });
      close = async () => { await model.close?.(); };
      author = createModelAuthor({ model, toolchain, templates, maxTurns });
    }

    // 3. Run set after set, with progress on stderr; each set is compared with its own baseline.
    const progress = createProgress(context.stderr, (context.stderr as { isTTY?: boolean }).isTTY === true);
    let runs: SetRun[];
    try {
      runs = await runCaseSets({
        loaded,
        author,
        toolchain,
        partial: only !== undefined,
        cwd: context.cwd,
        onSetStart: ({ set, source, cases }) =>
          output.note(`Scoring ${cases.length} case${cases.length === 1 ? '' : 's'} from ${source}${set.name === 'cases' ? '' : ` (set ${set.name})`} with ${author.provider} (${author.model})`),
        onProgress: (event) => {
          if (!event.score) return progress.update(progressLine(event));
          progress.done();
          output.note(progressLine(event));
        },
      });
    } finally {
      progress.done();
      await close();
    }

    // 4. Report, print, update.
    if (typeof values.report === 'string') {
      const reportPath = resolve(context.cwd, values.report);
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, renderReport({ sets: runs }));
      output.note(`Report written to ${shownPath(context.cwd, reportPath)}`);
    }
    printRuns(runs, output);
    for (const entry of runs) {
      if (entry.baselinePath === undefined) continue;
      if (update) {
        updateBaseline(entry.baselinePath, entry.run);
        output.note(`Baseline for ${entry.run.provider} written to ${entry.baselineFile}: ${entry.run.totals.solved} of ${entry.run.totals.cases} solved.`);
      } else if (entry.comparison === undefined) {
        output.note(`No baseline for the ${entry.run.provider} provider in ${entry.baselineFile}: nothing to compare the ${entry.set} set with.`);
      }
    }
    const failedSets = update ? [] : runs.filter((entry) => entry.comparison?.failed === true);
    if (output.json) for (const entry of failedSets) if (entry.comparison) output.note(`${entry.set}: ${comparisonLine(entry.comparison)}`);
    output.result(runJson({ runs, ok: failedSets.length === 0, baselineUpdated: update }));
    return failedSets.length > 0 ? 1 : 0;
  },
};

function printRuns(runs: SetRun[], output: Output): void {
  const several = runs.length > 1;
  for (const { set, source, run, comparison } of runs) {
    if (several) output.line(`== ${set} (${source}) ==`);
    output.line(table(CASE_COLUMNS, caseRows(run)));
    output.line();
    output.line(table(FAMILY_COLUMNS, familyRows(run)));
    output.line();
    output.line(totalsLine(run));
    if (comparison !== undefined) output.line(comparisonLine(comparison));
    output.line();
  }
  if (several) output.line(table(SET_COLUMNS, setRows(runs)));
}
