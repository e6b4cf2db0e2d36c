import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { loadTemplates, selectModel } from '../../agent/index.ts';
import { JoineryError } from '../../core/errors.ts';
import {
  CASE_COLUMNS,
  caseRows,
  compareToBaseline,
  comparisonLine,
  createModelAuthor,
  createReferenceAuthor,
  FAMILY_COLUMNS,
  familyRows,
  loadCases,
  PROJECT_BASELINE_PATH,
  PROJECT_CASES_DIR,
  progressLine,
  readBaseline,
  renderReport,
  runEvals,
  totalsLine,
  updateBaseline,
  type BaselineComparison,
  type CaseAuthor,
  type EvalRun,
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
    'Usage: joinery eval [--provider offline|anthropic|openai-compatible|scripted|reference] [--cases <file-or-dir>]',
    '                    [--only <id,...>] [--report <file.md>] [--baseline <file>] [--update-baseline] [--max-turns <n>] [--json]',
    '',
    '  --provider <p>      offline (default), anthropic (Claude; needs ANTHROPIC_API_KEY, JOINERY_MODEL picks the',
    '                      model), openai-compatible (your own server: JOINERY_MODEL_URL and JOINERY_MODEL),',
    '                      scripted (JOINERY_SCRIPT), or reference (each case\'s known-correct solution:',
    '                      checks the hidden fixtures themselves)',
    '  --cases <path>      a cases file or a folder of them (default: the project\'s evals/cases)',
    '  --only <ids>        run only these case ids (comma-separated); the solved share is then not compared',
    '  --report <file.md>  also write a markdown report',
    '  --baseline <file>   compare with this baseline (default: evals/baseline.json with the project\'s cases)',
    '  --update-baseline   write this run\'s score as the provider\'s baseline (exit 0 even if it dropped)',
    '',
    'Each case is authored from its requirement alone, then judged with its hidden fixtures. Exit 1 when',
    'the solved share is below the baseline\'s or a case the baseline solved is no longer solved; 2 when the',
    'cases or options are invalid. Progress goes to stderr.',
  ].join('\n'),
  options: {
    provider: { type: 'string' },
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

    // 1. Cases, and the baseline they are compared with.
    const casesPath = typeof values.cases === 'string' ? values.cases : PROJECT_CASES_DIR;
    const loaded = loadCases({ path: casesPath, cwd: context.cwd });
    const only = typeof values.only === 'string' ? values.only.split(',').map((id) => id.trim()).filter(Boolean) : undefined;
    const cases = only === undefined ? loaded.cases : selectCases(loaded.cases, only);
    const baselinePath = typeof values.baseline === 'string' ? resolve(context.cwd, values.baseline) : values.cases === undefined ? PROJECT_BASELINE_PATH : undefined;
    if (update && only !== undefined) throw new JoineryError('INVALID_INPUT', '--update-baseline needs every case: drop --only');
    if (update && baselinePath === undefined) throw new JoineryError('INVALID_INPUT', '--update-baseline with your own --cases needs --baseline <file>');
    if (update && provider === 'reference') throw new JoineryError('INVALID_INPUT', 'the reference provider checks the cases; it has no baseline to update');
    const baseline = baselinePath === undefined ? undefined : readBaseline(baselinePath);

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

    // 3. Run, with progress on stderr.
    const progress = createProgress(context.stderr, (context.stderr as { isTTY?: boolean }).isTTY === true);
    let run: EvalRun;
    try {
      output.note(`Scoring ${cases.length} case${cases.length === 1 ? '' : 's'} from ${shownPath(context.cwd, casesPath)} with ${author.provider} (${author.model})`);
      run = await runEvals({
        cases,
        author,
        toolchain,
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

    // 4. Compare, report, update.
    const entry = baseline?.providers[run.provider];
    const comparison = entry === undefined ? undefined : compareToBaseline({ run, entry, partial: only !== undefined });
    const casesSource = shownPath(context.cwd, casesPath);
    if (typeof values.report === 'string') {
      const reportPath = resolve(context.cwd, values.report);
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, renderReport({ run, comparison, casesSource }));
      output.note(`Report written to ${shownPath(context.cwd, reportPath)}`);
    }
    printRun(run, comparison, output);
    if (baselinePath !== undefined && entry === undefined && !update) output.note(`No baseline for the ${run.provider} provider in ${shownPath(context.cwd, baselinePath)}: nothing to compare with.`);
    if (update && baselinePath !== undefined) {
      updateBaseline(baselinePath, run);
      output.note(`Baseline for ${run.provider} written to ${shownPath(context.cwd, baselinePath)}: ${run.totals.solved} of ${run.totals.cases} solved.`);
    }
    const failed = comparison?.failed === true && !update;
    if (failed && output.json) output.note(comparisonLine(comparison));
    output.result({ ok: !failed, provider: run.provider, model: run.model, cases: casesSource, totals: run.totals, families: run.families, results: run.cases, baseline: comparison ?? null, baselineUpdated: update });
    return failed ? 1 : 0;
  },
};

function selectCases<T extends { id: string }>(cases: T[], ids: string[]): T[] {
  const unknown = ids.filter((id) => !cases.some((evalCase) => evalCase.id === id));
  if (unknown.length > 0) throw new JoineryError('INVALID_INPUT', `--only names unknown case${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`);
  return cases.filter((evalCase) => ids.includes(evalCase.id));
}

function printRun(run: EvalRun, comparison: BaselineComparison | undefined, output: Output): void {
  output.line(table(CASE_COLUMNS, caseRows(run)));
  output.line();
  output.line(table(FAMILY_COLUMNS, familyRows(run)));
  output.line();
  output.line(totalsLine(run));
  if (comparison !== undefined) output.line(comparisonLine(comparison));
}

function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, resolve(cwd, path));
  return shown === '' ? '.' : shown;
}
